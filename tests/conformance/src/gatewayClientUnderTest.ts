// The "client under test" of the conformance suite's client scenarios: the gateway's upstream side.
// `conformance client --command "node dist/gatewayClientUnderTest.js" --scenario <name>` starts a
// mock server for the scenario and runs this with its URL as the last argument. This starts a
// gateway on 127.0.0.1 with that URL as its only target (the gateway probes it with
// server/discover and lists it, as it does any target), then drives through the gateway what the
// scenario expects (`clientScenarios.ts`), so every request the mock checks is one the gateway's
// upstream client sent. Exits 1 when the drive fails.
import { createGateway, parseGatewayConfig } from '@agentcore-mcp/gateway';
import { createLogger } from '@agentcore-mcp/server-kit';

import { driverOf, type ScenarioContext } from './clientScenarios.js';

async function main(): Promise<void> {
  const targetUrl = process.argv.at(-1) ?? '';
  const scenario = process.env.MCP_CONFORMANCE_SCENARIO ?? '';
  const context = JSON.parse(process.env.MCP_CONFORMANCE_CONTEXT ?? '{}') as ScenarioContext;
  const drive = driverOf(scenario);
  const config = parseGatewayConfig(
    {
      mcpServers: { target: { url: targetUrl } },
      gateway: {
        host: '127.0.0.1',
        port: 0,
        // The mocks serve fixed names; no periodic re-listing or pings (a 2026-07-28 target's
        // ping is a server/discover, which some mocks count).
        toolNamePrefix: 'never',
        discovery: { refreshIntervalMs: 0, startupWaitMs: 20_000 },
        healthCheck: { intervalMs: 3_600_000 },
      },
    },
    { env: {} },
  );
  const gateway = createGateway(config, {
    logger: createLogger({ name: 'gateway-client-under-test', level: 'warn' }),
  });
  const { url } = await gateway.listen();
  try {
    await drive(url, context);
    process.stdout.write(`${scenario}: drove the gateway at ${url}, target ${targetUrl}\n`);
    process.stdout.write(`${JSON.stringify(gateway.status().targets[0]?.protocol)}\n`);
  } finally {
    await gateway.close();
  }
}

// Exit at once: the mock server's keep-alive connections must not hold the process open.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
