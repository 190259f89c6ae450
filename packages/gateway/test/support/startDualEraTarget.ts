import { createAgentCoreServer, defineTool } from '@agentcore-mcp/server-kit';
import pino from 'pino';
import * as z from 'zod';

/** A server-kit target serving both eras on 127.0.0.1; see {@link startDualEraTarget}. */
export interface DualEraTarget {
  /** `http://127.0.0.1:<port>/mcp`. */
  readonly url: string;
  /** Resolves once the next `hold` call has started, with a promise of its cancellation. */
  nextHold(): Promise<{ readonly aborted: Promise<void> }>;
  close(): Promise<void>;
}

/**
 * Starts a server-kit target (both protocol eras on one endpoint, stateless by default) with
 * three tools: `echo {message}`; `ask_name`, which asks the user for a name with `context.elicit()`
 * (an `input_required` round on 2026-07-28, a real request on a 2025 session) and answers with it;
 * and `hold`, which runs until cancelled and reports its start to the test.
 *
 * @param options - `mode`: the server's session mode; default `stateless`.
 */
export async function startDualEraTarget(
  options: { mode?: 'stateless' | 'stateful' } = {},
): Promise<DualEraTarget> {
  const started: { aborted: Promise<void> }[] = [];
  const waiting: ((call: { aborted: Promise<void> }) => void)[] = [];
  const server = createAgentCoreServer({
    name: 'dual',
    version: '1.0.0',
    host: '127.0.0.1',
    port: 0,
    mode: options.mode ?? 'stateless',
    logger: pino({ level: 'silent' }),
    shutdownTimeoutMs: 1_000,
    tools: [
      defineTool({
        name: 'echo',
        description: 'Echo a message',
        input: { message: z.string() },
        handler: ({ message }) => `dual: ${message}`,
      }),
      defineTool({
        name: 'ask_name',
        description: 'Ask the user for a name (elicitation) and greet them',
        input: {},
        handler: async (_args, context) => {
          const answer = await context.elicit({
            message: 'What is your name?',
            requestedSchema: {
              type: 'object',
              properties: { name: { type: 'string' } },
              required: ['name'],
            },
          });
          return `dual: ${answer.action} ${String(answer.content?.name ?? '')}`;
        },
      }),
      defineTool({
        name: 'hold',
        description: 'Runs until cancelled',
        input: {},
        handler: async (_args, context) => {
          const aborted = new Promise<void>((resolve) => {
            if (context.signal.aborted) resolve();
            context.signal.addEventListener('abort', () => resolve(), { once: true });
          });
          const call = { aborted };
          const waiter = waiting.shift();
          if (waiter) waiter(call);
          else started.push(call);
          await aborted;
          return 'dual: cancelled';
        },
      }),
    ],
  });
  const { url } = await server.listen();
  return {
    url,
    nextHold: () => {
      const call = started.shift();
      return call ? Promise.resolve(call) : new Promise((resolve) => waiting.push(resolve));
    },
    close: () => server.close(),
  };
}
