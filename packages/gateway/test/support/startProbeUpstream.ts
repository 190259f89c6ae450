import type { JwtAuthorizerConfig } from '@agentcore-mcp/core';
import { createAgentCoreServer, defineTool } from '@agentcore-mcp/server-kit';
import pino from 'pino';
import * as z from 'zod';

/** What the `hold` tool of {@link startProbeUpstream} saw of one call. */
export interface HeldCall {
  /** The `label` argument. */
  readonly label: string;
  /** The upstream handler's abort signal. */
  readonly signal: AbortSignal;
  /** Resolves once that signal fires (the call was cancelled). */
  readonly aborted: Promise<void>;
}

/** An in-process upstream the test can look into; see {@link startProbeUpstream}. */
export interface ProbeUpstream {
  /** `http://127.0.0.1:<port>/mcp`. */
  readonly url: string;
  /** Resolves with the next `hold` call the upstream receives (or one already received). */
  nextCall(): Promise<HeldCall>;
  close(): Promise<void>;
}

/** Options of {@link startProbeUpstream}. */
export interface ProbeUpstreamOptions {
  /** Default `stateful` (the only mode in which an upstream can receive a cancellation). */
  mode?: 'stateless' | 'stateful';
  /** Require bearer tokens, verified like an AgentCore `customJWTAuthorizer`. Default: off. */
  jwt?: JwtAuthorizerConfig;
}

/**
 * Starts an MCP server on 127.0.0.1 with two tools. `hold {label}` never answers by itself: it
 * reports each call to the test as soon as it starts and waits for its abort signal, which proves
 * with no sleeps that a call reached the upstream and that a cancellation did too. `headers`
 * answers with the request headers it received, as JSON.
 */
export async function startProbeUpstream(
  options: ProbeUpstreamOptions = {},
): Promise<ProbeUpstream> {
  const received: HeldCall[] = [];
  const waiting: ((call: HeldCall) => void)[] = [];
  const hold = defineTool({
    name: 'hold',
    description: 'Runs until cancelled',
    input: { label: z.string() },
    handler: async ({ label }, context) => {
      const aborted = new Promise<void>((resolve) => {
        if (context.signal.aborted) resolve();
        context.signal.addEventListener('abort', () => resolve(), { once: true });
      });
      const call = { label, signal: context.signal, aborted };
      const waiter = waiting.shift();
      if (waiter) waiter(call);
      else received.push(call);
      await aborted;
      return `${label}: cancelled`;
    },
  });
  const headers = defineTool({
    name: 'headers',
    description: 'Answers with the request headers received',
    handler: (_args, context) => JSON.stringify(context.runtime.headers),
  });
  const server = createAgentCoreServer({
    name: 'probe',
    version: '1.0.0',
    host: '127.0.0.1',
    port: 0,
    mode: options.mode ?? 'stateful',
    tools: [hold, headers],
    logger: pino({ level: 'silent' }),
    shutdownTimeoutMs: 1_000,
    ...(options.jwt ? { auth: { jwt: options.jwt } } : {}),
  });
  const { url } = await server.listen();
  return {
    url,
    nextCall: () => {
      const call = received.shift();
      return call ? Promise.resolve(call) : new Promise((resolve) => waiting.push(resolve));
    },
    close: () => server.close(),
  };
}
