import { AgentCoreMcpError, parseInvocationUrl, parseRuntimeArn } from '@agentcore-mcp/core';
import {
  Client,
  type ClientCapabilities,
  StreamableHTTPClientTransport,
} from '@modelcontextprotocol/client';

import type { TokenProvider } from './auth/tokenProvider.js';
import { createAgentCoreFetch } from './connect/createAgentCoreFetch.js';
import type { RequestAuth } from './connect/createRequestSender.js';
import {
  type AwsCredentialIdentity,
  type AwsCredentialIdentityProvider,
  createSigV4Signer,
} from './connect/createSigV4Signer.js';
import type { RetryPolicy } from './connect/retryPolicy.js';
import { toConnectError } from './connect/toConnectError.js';
import { DEFAULT_CLIENT_INFO } from './defaultClientInfo.js';
import { type ProtocolMode, toVersionNegotiation } from './protocolMode.js';
import { resolveMcpEndpoint } from './resolveMcpEndpoint.js';

/** The header AgentCore forwards to the runtime as the end user's id. */
export const RUNTIME_USER_ID_HEADER = 'X-Amzn-Bedrock-AgentCore-Runtime-User-Id';

/** SigV4 settings of {@link ConnectAgentCoreOptions.sigv4}. */
export interface SigV4Options {
  /** The signing region. Default: the ARN's region, else the one in an AgentCore URL. */
  region?: string;
  /**
   * Credentials or a credential provider (e.g. `fromIni({ profile })`). Default: the Node.js
   * default chain (environment, SSO, shared files, web identity, container and instance metadata).
   */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
}

/** Options of {@link connectAgentCore}. Pass exactly one of `arn` and `url`. */
export interface ConnectAgentCoreOptions {
  /** The runtime ARN; the URL is built with `buildInvocationUrl` from `@agentcore-mcp/core`. */
  arn?: string;
  /** A plain MCP endpoint instead, e.g. `http://127.0.0.1:8000/mcp` or a Gateway URL. */
  url?: string | URL;
  /** The runtime endpoint name (with `arn`). Default: `'DEFAULT'`. */
  qualifier?: string;
  /**
   * Origin to use instead of AWS (with `arn`), e.g. `http://127.0.0.1:9000` for a local emulator.
   * Default: `https://bedrock-agentcore.<region>.amazonaws.com`.
   */
  endpoint?: string;
  /** Bearer auth for a runtime with a `customJWTAuthorizer`. Default: none. */
  tokenProvider?: TokenProvider;
  /**
   * Sign requests with SigV4 (service `bedrock-agentcore`) for a runtime with IAM auth, the
   * AgentCore default. Excludes `tokenProvider`. Default: off.
   */
  sigv4?: true | SigV4Options;
  /**
   * Extra headers on every request, e.g. `X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant` (the
   * runtime must allowlist them). Default: none.
   */
  headers?: Record<string, string>;
  /** Sent as `X-Amzn-Bedrock-AgentCore-Runtime-User-Id`. Default: not sent. */
  userId?: string;
  /** The longest wait for each response to start, in milliseconds. Default: `60000`. */
  timeoutMs?: number;
  /**
   * Retries of `424` (cold start), `429`, `5xx` and refused connections; a `tools/call` is retried
   * only when it cannot have reached the server. Default: `{ maxAttempts: 3, baseDelayMs: 200,
   * maxDelayMs: 2000 }`.
   */
  retries?: { maxAttempts?: number; baseDelayMs?: number; maxDelayMs?: number };
  /**
   * Which MCP era to speak (see {@link ProtocolMode}): `'auto'` asks `server/discover` first and
   * falls back to the 2025 `initialize` handshake for an older server; `'legacy'` always uses
   * `initialize`; `'2026-07-28'` requires that revision. Which one was used:
   * `client.getProtocolEra()` (`'modern'` or `'legacy'`) and
   * `client.getNegotiatedProtocolVersion()`. Default: `'auto'`.
   */
  protocol?: ProtocolMode;
  /**
   * Sent in `initialize` (2025) or in every request's `_meta` (2026-07-28). Default:
   * `{ name: 'agentcore-mcp-client', version: '0.1.0' }`.
   */
  clientInfo?: { name: string; version: string };
  /** The client's MCP capabilities. Default: none. */
  capabilities?: ClientCapabilities;
}

const DEFAULT_RETRIES: RetryPolicy = { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 2000 };
const AGENTCORE_HOST = /^bedrock-agentcore\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/;

/**
 * Connects the MCP SDK's (v2) `Client` to an AgentCore runtime (by ARN) or any MCP URL over
 * streamable HTTP, in the era `protocol` asks for: by default `server/discover` first (MCP
 * 2026-07-28, stateless), else the 2025 `initialize` handshake. Around the SDK it adds the `Accept`
 * header AgentCore runtimes need, a bearer token refreshed once after a `401`, or a SigV4
 * signature; retries of cold starts (`424`), `429` and `5xx` with backoff (never repeating a
 * `tools/call` that may have run); a per-request timeout; in the 2025 era re-initialization when a
 * session has expired (`404`); in the 2026 era the echo of the platform's `Mcp-Session-Id` so that
 * AgentCore can keep routing the client to one microVM (unverified against AWS: the SDK itself
 * sends no session id in that era); and one-line errors.
 *
 * @param options - Target, auth, protocol era, headers, timeout and retries; see
 *   {@link ConnectAgentCoreOptions}.
 * @returns The connected SDK client; `close()` it when done. `getProtocolEra()` tells the era.
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` for conflicting or malformed options and
 *   for `protocol: '2026-07-28'` against a server that does not offer it, and
 *   `ERR_INVALID_ARN`/`ERR_INVALID_ENDPOINT`/`ERR_INVALID_QUALIFIER` for a bad target;
 *   {@link AgentCoreClientError} (`ERR_UNAUTHORIZED`, `ERR_FORBIDDEN`, `ERR_AUTH_METHOD_MISMATCH`,
 *   `ERR_RUNTIME_INIT_TIMEOUT`, `ERR_UPSTREAM_UNAVAILABLE`, `ERR_TIMEOUT`, `ERR_NOT_ACCEPTABLE`)
 *   when the server refuses or cannot be reached — from here and from every call on the client.
 * @example
 * ```ts
 * const client = await connectAgentCore({
 *   arn: 'arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/weather_server-AbCdEf1234',
 *   tokenProvider: createStaticTokenProvider(process.env.AGENTCORE_BEARER_TOKEN ?? ''),
 * });
 * try {
 *   console.log(client.getProtocolEra(), await client.listTools());
 * } finally {
 *   await client.close();
 * }
 * ```
 */
export async function connectAgentCore(options: ConnectAgentCoreOptions): Promise<Client> {
  const url = resolveTarget(options);
  const headers: Record<string, string> = { ...options.headers };
  if (options.userId !== undefined) headers[RUNTIME_USER_ID_HEADER] = options.userId;
  const fetch = createAgentCoreFetch({
    auth: resolveAuth(options, url),
    headers,
    timeoutMs: checkPositive('timeoutMs', options.timeoutMs ?? 60_000),
    retries: resolveRetries(options.retries),
  });
  const protocol = options.protocol ?? 'auto';
  const client = new Client(options.clientInfo ?? DEFAULT_CLIENT_INFO, {
    capabilities: options.capabilities ?? {},
    versionNegotiation: toVersionNegotiation(protocol),
  });
  try {
    await client.connect(new StreamableHTTPClientTransport(url, { fetch }));
  } catch (error) {
    throw toConnectError(error, { url, protocol });
  }
  return client;
}

function resolveTarget(options: ConnectAgentCoreOptions): URL {
  const { arn, url } = options;
  if (arn !== undefined) {
    if (url !== undefined) {
      throw invalid(
        'both "url" and "arn" are set; pass { url } for a plain MCP server or { arn } for an AgentCore runtime',
      );
    }
    return resolveMcpEndpoint({ arn, qualifier: options.qualifier, endpoint: options.endpoint });
  }
  if (url === undefined) {
    throw invalid(
      'neither "url" nor "arn" is set; pass { url } for a plain MCP server or { arn } for an AgentCore runtime',
    );
  }
  return resolveMcpEndpoint({ url });
}

function resolveAuth(options: ConnectAgentCoreOptions, url: URL): RequestAuth {
  const { sigv4, tokenProvider } = options;
  if (sigv4 !== undefined && tokenProvider !== undefined) {
    throw invalid(
      'both "sigv4" and "tokenProvider" are set, but a runtime accepts either IAM (SigV4) or a JWT authorizer; pass only the one the runtime uses',
    );
  }
  if (tokenProvider !== undefined) return { method: 'bearer', tokenProvider };
  if (sigv4 === undefined) return { method: 'none' };
  const settings = sigv4 === true ? {} : sigv4;
  const region = settings.region ?? findRegion(options, url);
  if (region === undefined) {
    throw invalid(
      `cannot tell the SigV4 signing region from ${JSON.stringify(url.href)}; pass sigv4: { region: 'us-west-2' } (the runtime's region)`,
    );
  }
  return { method: 'sigv4', sign: createSigV4Signer(region, settings.credentials) };
}

function findRegion(options: ConnectAgentCoreOptions, url: URL): string | undefined {
  if (options.arn !== undefined) return parseRuntimeArn(options.arn).region;
  const fromHost = AGENTCORE_HOST.exec(url.hostname)?.[1];
  if (fromHost !== undefined) return fromHost;
  try {
    return parseInvocationUrl(url.href).arn.region;
  } catch {
    return undefined;
  }
}

function resolveRetries(retries: ConnectAgentCoreOptions['retries'] = {}): RetryPolicy {
  const policy = { ...DEFAULT_RETRIES, ...stripUndefined(retries) };
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
    throw invalid(`retries.maxAttempts must be a whole number ≥ 1, got ${policy.maxAttempts}`);
  }
  checkPositive('retries.baseDelayMs', policy.baseDelayMs, true);
  checkPositive('retries.maxDelayMs', policy.maxDelayMs, true);
  return policy;
}

function checkPositive(name: string, value: number, allowZero = false): number {
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw invalid(
      `${name} must be a ${allowZero ? 'non-negative' : 'positive'} number of milliseconds, got ${value}`,
    );
  }
  return value;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function invalid(problem: string): AgentCoreMcpError {
  return new AgentCoreMcpError(
    'ERR_CONFIG_INVALID',
    `Invalid connectAgentCore options: ${problem}`,
  );
}
