import type { createLogger } from '@agentcore-mcp/server-kit';

import type { ConformanceRun } from './conformanceRuns.js';
import { createFixtureGateway } from './createFixtureGateway.js';
import { createFixtureServer } from './fixtureServer.js';

/** A listening server the suite runs against. */
export interface ServerUnderTest {
  /** The port it listens on (at `127.0.0.1`). */
  readonly port: number;
  /** Stops it, and the fixture server behind it. */
  close(): Promise<void>;
}

/**
 * Starts what a run tests: the fixture server in the run's mode, and for a gateway run a gateway
 * in the same mode in front of it. Both bind `127.0.0.1` on free ports.
 *
 * @param run - The run's mode and route.
 * @param logger - The logger of both servers.
 * @returns The server the suite must talk to.
 */
export async function startServerUnderTest(
  run: ConformanceRun,
  logger: ReturnType<typeof createLogger>,
): Promise<ServerUnderTest> {
  const fixture = createFixtureServer({ mode: run.mode, logger });
  const { port: fixturePort } = await fixture.listen();
  if (run.route === 'direct') return { port: fixturePort, close: () => fixture.close() };
  const gateway = createFixtureGateway({
    mode: run.mode,
    targetUrl: `http://127.0.0.1:${fixturePort}/mcp`,
    logger: logger.child({ component: 'gateway' }),
  });
  try {
    const { port } = await gateway.listen();
    return {
      port,
      close: async () => {
        await gateway.close();
        await fixture.close();
      },
    };
  } catch (error) {
    await fixture.close();
    throw error;
  }
}
