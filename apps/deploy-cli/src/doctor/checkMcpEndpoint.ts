import {
  AgentCoreClientError,
  type AgentCoreClientErrorCode,
  createSigV4Signer,
  MODERN_PROTOCOL_VERSION,
} from '@agentcore-mcp/client';
import { AgentCoreMcpError, buildInvocationUrl } from '@agentcore-mcp/core';

import { readCliVersion } from '../version.js';
import { type DoctorCheck, errorMessage, failed, passed } from './doctorCheck.js';
import type { SignProbeRequest } from './probeDiscover.js';
import { type DiscoverProbe, probeDiscover, type ServerIdentity } from './probeDiscover.js';
import {
  type InitializeProbe,
  type McpEndpointAuth,
  type McpEndpointTarget,
  probeInitialize,
} from './probeInitialize.js';

export type { McpEndpointAuth, McpEndpointTarget } from './probeInitialize.js';

/** The name of the MCP endpoint check. */
export const MCP_ENDPOINT_CHECK = 'MCP endpoint';

/** How long the doctor waits for the runtime to answer each attempt. */
const TIMEOUT_MS = 30_000;

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
 * Checks which MCP protocol eras the runtime serves over its invocation URL, with a bearer token or
 * SigV4 as the runtime expects: first MCP 2026-07-28 (`server/discover` with the per-request
 * `_meta` envelope and the `MCP-Protocol-Version` / `Mcp-Method` headers), then 2025 (`initialize`).
 * - both answer, or only one of them: passes, naming the era(s); a 2025-only server is fine (2026
 *   clients in `auto` mode fall back to `initialize`);
 * - neither answers: fails with the `initialize` error and its fix in docs/troubleshooting.md;
 * - `initialize` works but `server/discover` was refused with a 2026 error code (e.g. a dropped
 *   header) or failed (401, 5xx, a timeout): fails, since 2026 clients get that error.
 *
 * @param target - The runtime ARN, an optional endpoint override and the auth.
 * @returns The check, on one line.
 * @example
 * ```ts
 * const check = await checkMcpEndpoint({ arn: status.runtimeArn, auth: { token } });
 * ```
 */
export async function checkMcpEndpoint(target: McpEndpointTarget): Promise<DoctorCheck> {
  let url: URL;
  try {
    url = new URL(
      buildInvocationUrl({
        arn: target.arn,
        ...(target.endpoint ? { endpoint: target.endpoint } : {}),
      }),
    );
  } catch (error) {
    return failed(MCP_ENDPOINT_CHECK, errorMessage(error), fixFor(error, target.arn));
  }
  const clientInfo = { name: 'agentcore-mcp-doctor', version: readCliVersion() };
  const discover = await probeDiscover(url, {
    authorize: toAuthorizer(target.auth),
    clientInfo,
    timeoutMs: TIMEOUT_MS,
  });
  const initialize = await probeInitialize(target, { clientInfo, timeoutMs: TIMEOUT_MS });
  const how = 'token' in target.auth ? 'bearer token' : 'SigV4';
  return judge({ url: url.href, how, arn: target.arn }, discover, initialize);
}

/** Where the probes went, for the line. */
interface ProbeSite {
  readonly url: string;
  readonly how: string;
  readonly arn: string;
}

function judge(site: ProbeSite, discover: DiscoverProbe, initialize: InitializeProbe): DoctorCheck {
  const legacyEra =
    initialize.kind === 'ok' ? `${initialize.protocolVersion ?? '2025'} (initialize)` : '';
  if (discover.kind === 'modern') {
    const server = named(
      discover.server ?? (initialize.kind === 'ok' ? initialize.server : undefined),
    );
    const modernEra = `MCP ${MODERN_PROTOCOL_VERSION} (server/discover)`;
    const eras =
      initialize.kind === 'ok'
        ? `${modernEra} and ${legacyEra}`
        : `${modernEra} only; initialize failed (${errorMessage(initialize.error)}), so 2025 clients cannot connect`;
    return passed(MCP_ENDPOINT_CHECK, `${server} answered at ${site.url} (${site.how}): ${eras}`);
  }
  if (initialize.kind === 'failed') {
    return failed(
      MCP_ENDPOINT_CHECK,
      `${site.url} answers neither server/discover (${discover.answer}) nor initialize: ${errorMessage(initialize.error)}`,
      fixFor(initialize.error, site.arn),
    );
  }
  const server = named(initialize.server);
  switch (discover.kind) {
    case 'legacy': {
      return passed(
        MCP_ENDPOINT_CHECK,
        `${server} answered at ${site.url} (${site.how}): MCP ${legacyEra} only, no server/discover (${discover.answer}); fine: 2026 clients in auto mode fall back to initialize`,
      );
    }
    case 'refused':
    case 'error': {
      const what = discover.kind === 'refused' ? 'was refused' : 'failed';
      return failed(
        MCP_ENDPOINT_CHECK,
        `server/discover at ${site.url} ${what} (${discover.answer}), though ${server} answers initialize (${site.how}): MCP ${MODERN_PROTOCOL_VERSION} clients get this error`,
        'agentcore-mcp logs; a proxy between client and server must pass MCP-Protocol-Version and Mcp-Method',
      );
    }
  }
}

function named(server: ServerIdentity | undefined): string {
  return server ? `${server.name} ${server.version}` : 'the server';
}

function toAuthorizer(auth: McpEndpointAuth): SignProbeRequest {
  if ('sigv4' in auth) {
    const sign = createSigV4Signer(auth.sigv4.region, auth.sigv4.credentials);
    return async ({ url, method, headers, body }) => {
      const signed = await sign(url, { method, headers: new Headers(headers), body });
      return Object.fromEntries(signed);
    };
  }
  return (request) =>
    Promise.resolve({ ...request.headers, authorization: `Bearer ${auth.token}` });
}

function fixFor(error: unknown, arn: string): string {
  if (error instanceof AgentCoreClientError) return FIXES[error.code];
  if (error instanceof AgentCoreMcpError) return 'check the runtime ARN in .agentcore-mcp.yaml';
  return `agentcore-mcp --verbose invoke --arn ${arn} tools/list`;
}
