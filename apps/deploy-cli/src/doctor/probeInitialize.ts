import {
  type AwsCredentialIdentityProvider,
  connectAgentCore,
  createStaticTokenProvider,
} from '@agentcore-mcp/client';

import type { ServerIdentity } from './probeDiscover.js';

/** How the probes are authenticated: the runtime's own auth type. */
export type McpEndpointAuth =
  | { readonly token: string }
  | {
      readonly sigv4: {
        readonly region: string;
        readonly credentials: AwsCredentialIdentityProvider;
      };
    };

/** Which runtime to probe, where, and with what auth. */
export interface McpEndpointTarget {
  readonly arn: string;
  /** Where to send the requests instead of AWS, e.g. the local emulator. Default: AWS. */
  readonly endpoint?: string | undefined;
  readonly auth: McpEndpointAuth;
}

/** What `initialize` told: the server and the 2025 revision it agreed on, or the client's error. */
export type InitializeProbe =
  | {
      readonly kind: 'ok';
      readonly server: ServerIdentity | undefined;
      /** E.g. `2025-11-25`; `undefined` if the transport did not say. */
      readonly protocolVersion: string | undefined;
    }
  | { readonly kind: 'failed'; readonly error: unknown };

/** Options of {@link probeInitialize}. */
export interface ProbeInitializeOptions {
  /** Sent in `initialize`. */
  readonly clientInfo: ServerIdentity;
  /** The longest wait for each response to start, in milliseconds. */
  readonly timeoutMs: number;
}

/**
 * Opens a 2025 MCP session with `initialize` (`connectAgentCore` of `@agentcore-mcp/client` pinned
 * to `protocol: 'legacy'`, which retries a cold start and turns HTTP failures into one-line
 * errors), then closes it.
 *
 * @param target - The runtime ARN, an optional endpoint override and the auth.
 * @param options - Client info and timeout.
 * @returns The server and revision, or the error; never throws.
 * @example
 * ```ts
 * const probe = await probeInitialize({ arn, auth: { token } }, { clientInfo, timeoutMs: 30_000 });
 * ```
 */
export async function probeInitialize(
  target: McpEndpointTarget,
  options: ProbeInitializeOptions,
): Promise<InitializeProbe> {
  try {
    const client = await connectAgentCore({
      arn: target.arn,
      ...(target.endpoint ? { endpoint: target.endpoint } : {}),
      ...('token' in target.auth
        ? { tokenProvider: createStaticTokenProvider(target.auth.token) }
        : { sigv4: target.auth.sigv4 }),
      timeoutMs: options.timeoutMs,
      clientInfo: options.clientInfo,
      protocol: 'legacy',
    });
    try {
      const server = client.getServerVersion();
      return {
        kind: 'ok',
        server: server && { name: server.name, version: server.version },
        protocolVersion: client.getNegotiatedProtocolVersion(),
      };
    } finally {
      await client.close();
    }
  } catch (error) {
    return { kind: 'failed', error };
  }
}
