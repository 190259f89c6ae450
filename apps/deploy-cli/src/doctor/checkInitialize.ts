import {
  AgentCoreClientError,
  type AgentCoreClientErrorCode,
  type AwsCredentialIdentityProvider,
  connectAgentCore,
  createStaticTokenProvider,
} from '@agentcore-mcp/client';
import { AgentCoreMcpError, buildInvocationUrl } from '@agentcore-mcp/core';

import { readCliVersion } from '../version.js';
import { type DoctorCheck, errorMessage, failed, passed } from './doctorCheck.js';

/** The name of the MCP initialize check. */
export const INITIALIZE_CHECK = 'MCP initialize';

/** How long the doctor waits for the runtime to answer each attempt. */
const TIMEOUT_MS = 30_000;

/** How the initialize request is authenticated: the runtime's own auth type. */
export type InitializeAuth =
  | { readonly token: string }
  | {
      readonly sigv4: {
        readonly region: string;
        readonly credentials: AwsCredentialIdentityProvider;
      };
    };

/** Which runtime to initialize, where, and with what auth. */
export interface InitializeTarget {
  readonly arn: string;
  /** Where to send the request instead of AWS, e.g. the local emulator. Default: AWS. */
  readonly endpoint?: string | undefined;
  readonly auth: InitializeAuth;
}

const FIXES: Readonly<Record<AgentCoreClientErrorCode, string>> = {
  ERR_UNAUTHORIZED: 'docs/troubleshooting.md#token-rejected',
  ERR_FORBIDDEN: 'docs/troubleshooting.md#token-rejected',
  ERR_AUTH_METHOD_MISMATCH: 'docs/troubleshooting.md#authorization-method-mismatch',
  ERR_NOT_ACCEPTABLE: 'docs/troubleshooting.md#not-acceptable',
  ERR_RUNTIME_INIT_TIMEOUT:
    'agentcore-mcp logs; docs/troubleshooting.md#runtime-initialization-timeout',
  ERR_UPSTREAM_UNAVAILABLE:
    'agentcore-mcp logs; docs/troubleshooting.md#runtime-initialization-timeout',
  ERR_TIMEOUT: 'agentcore-mcp logs; docs/troubleshooting.md#runtime-initialization-timeout',
};

/**
 * Checks that the runtime answers MCP `initialize` over its invocation URL, with a bearer token or
 * SigV4 as the runtime expects (`connectAgentCore` from `@agentcore-mcp/client`, which retries a
 * cold start), then closes the session.
 *
 * @param target - The runtime ARN, an optional endpoint override and the auth.
 * @returns The check: the server's name and version, or the client's one-line error and a pointer
 *   into docs/troubleshooting.md.
 * @example
 * ```ts
 * const check = await checkInitialize({ arn: status.runtimeArn, auth: { token } });
 * ```
 */
export async function checkInitialize(target: InitializeTarget): Promise<DoctorCheck> {
  const url = buildInvocationUrl({
    arn: target.arn,
    ...(target.endpoint ? { endpoint: target.endpoint } : {}),
  });
  const how = 'token' in target.auth ? 'bearer token' : 'SigV4';
  try {
    const client = await connectAgentCore({
      arn: target.arn,
      ...(target.endpoint ? { endpoint: target.endpoint } : {}),
      ...('token' in target.auth
        ? { tokenProvider: createStaticTokenProvider(target.auth.token) }
        : { sigv4: target.auth.sigv4 }),
      timeoutMs: TIMEOUT_MS,
      clientInfo: { name: 'agentcore-mcp-doctor', version: readCliVersion() },
    });
    try {
      const server = client.getServerVersion();
      const name = server ? `${server.name} ${server.version}` : 'the server';
      return passed(INITIALIZE_CHECK, `${name} answered at ${url} (${how})`);
    } finally {
      await client.close();
    }
  } catch (error) {
    return failed(INITIALIZE_CHECK, errorMessage(error), fixFor(error, target.arn));
  }
}

function fixFor(error: unknown, arn: string): string {
  if (error instanceof AgentCoreClientError) return FIXES[error.code];
  if (error instanceof AgentCoreMcpError) return 'check the runtime ARN in .agentcore-mcp.yaml';
  return `agentcore-mcp --verbose invoke --arn ${arn} tools/list`;
}
