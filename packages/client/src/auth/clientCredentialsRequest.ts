import { AgentCoreMcpError } from '@agentcore-mcp/core';

import type { ClientCredentialsTokenRequest } from './requestClientCredentialsToken.js';

/** How long one token request may take before it fails, by default. */
const DEFAULT_TIMEOUT_MS = 30_000;

/** A checked client-credentials request, ready to send. */
export interface PreparedTokenRequest {
  url: URL;
  /** `origin + pathname` of the URL, the only part shown in messages. */
  shownUrl: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  fetch: typeof fetch;
  hint: (errorName: string) => string | undefined;
}

/**
 * Checks a client-credentials request and builds its HTTP parts: the form body with
 * `grant_type=client_credentials` and the scopes, and the client authentication (HTTP Basic with
 * form-encoded id and secret, RFC 6749 §2.3.1, or form fields).
 *
 * @param request - What to send.
 * @param subject - What the caller passed, for messages: `token provider options`, `token request`.
 * @returns The request, ready for `sendClientCredentialsRequest`.
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` for a bad `tokenUrl`, an empty client id
 *   or secret, a bad `authMethod` or a bad `timeoutMs`.
 */
export function prepareClientCredentialsRequest(
  request: ClientCredentialsTokenRequest,
  subject: string,
): PreparedTokenRequest {
  const { clientId, clientSecret, scopes = [], authMethod = 'client_secret_basic' } = request;
  const invalid = (problem: string) =>
    new AgentCoreMcpError(
      'ERR_CONFIG_INVALID',
      `Invalid client-credentials ${subject}: ${problem}`,
    );
  const url = parseTokenUrl(request.tokenUrl, invalid);
  if (typeof clientId !== 'string' || clientId === '') throw invalid('clientId is empty');
  if (typeof clientSecret !== 'string' || clientSecret === '') {
    throw invalid('clientSecret is empty');
  }
  if (authMethod !== 'client_secret_basic' && authMethod !== 'client_secret_post') {
    throw invalid(
      `authMethod ${JSON.stringify(authMethod)} is not 'client_secret_basic' or 'client_secret_post'`,
    );
  }
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw invalid(`timeoutMs ${String(timeoutMs)} is not a positive number of milliseconds`);
  }
  const body = new URLSearchParams({ grant_type: 'client_credentials' });
  if (scopes.length > 0) body.set('scope', scopes.join(' '));
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Content-Type': 'application/x-www-form-urlencoded',
  };
  if (authMethod === 'client_secret_basic') {
    const basic = `${formEncode(clientId)}:${formEncode(clientSecret)}`;
    headers.Authorization = `Basic ${Buffer.from(basic).toString('base64')}`;
  } else {
    body.set('client_id', clientId);
    body.set('client_secret', clientSecret);
  }
  return {
    url,
    shownUrl: `${url.origin}${url.pathname}`,
    headers,
    body: body.toString(),
    timeoutMs,
    fetch: request.fetch ?? fetch,
    hint: request.hint ?? (() => undefined),
  };
}

function parseTokenUrl(text: unknown, invalid: (problem: string) => AgentCoreMcpError): URL {
  const url = typeof text === 'string' && URL.canParse(text) ? new URL(text) : undefined;
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw invalid('tokenUrl is not an absolute http(s) URL such as https://host/oauth2/token');
  }
  if (url.username !== '' || url.password !== '') {
    throw invalid('tokenUrl has a user name or password; pass clientId and clientSecret');
  }
  return url;
}

function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}
