import { AgentCoreMcpError } from '../errors.js';

/** RFC 6750 §2.1 `b64token`: the only characters a bearer token may contain. */
const B64TOKEN_PATTERN = /^[A-Za-z0-9\-._~+/]+=*$/;

/** Schemes named back in the error message; any other scheme is not echoed (it may be a token). */
const KNOWN_SCHEMES = ['Basic', 'Digest', 'Negotiate', 'NTLM', 'AWS4-HMAC-SHA256', 'DPoP', 'Token'];

const EXPECTED = 'expected "Authorization: Bearer <token>" (get one with agentcore-mcp token)';

/**
 * Reads the token out of an HTTP `Authorization` header of the form `Bearer <token>`. The scheme is
 * matched case-insensitively (RFC 9110 §11.1); surrounding whitespace is ignored. The token itself
 * never appears in an error message.
 *
 * @param authorization - The header value, or `undefined` when the request has none.
 * @returns The token.
 * @throws {@link AgentCoreMcpError} `ERR_TOKEN_MISSING` when the header is absent or empty;
 *   `ERR_TOKEN_MALFORMED` when it uses another scheme, has no token after `Bearer`, or the token
 *   contains characters a bearer token cannot (spaces, quotes, commas).
 * @example
 * ```ts
 * const token = readBearerToken(req.headers.authorization);
 * const principal = await authorizer.verify(token);
 * ```
 */
export function readBearerToken(authorization: string | undefined): string {
  const value = typeof authorization === 'string' ? authorization.trim() : '';
  if (value === '') {
    throw new AgentCoreMcpError(
      'ERR_TOKEN_MISSING',
      `Authorization header is missing: ${EXPECTED}`,
    );
  }
  const separator = value.search(/[ \t]/);
  const scheme = separator === -1 ? value : value.slice(0, separator);
  if (scheme.toLowerCase() !== 'bearer') {
    throw malformed(`${describeScheme(scheme)}: ${EXPECTED}`);
  }
  const token = separator === -1 ? '' : value.slice(separator).trim();
  if (token === '')
    throw malformed(`Authorization header has no token after "Bearer": ${EXPECTED}`);
  if (!B64TOKEN_PATTERN.test(token)) {
    throw malformed(
      `Authorization header has a bearer token with characters a token cannot contain (spaces, quotes or commas): ${EXPECTED}`,
    );
  }
  return token;
}

function describeScheme(scheme: string): string {
  const known = KNOWN_SCHEMES.find((name) => name.toLowerCase() === scheme.toLowerCase());
  if (known !== undefined) return `Authorization header uses the ${known} scheme, not Bearer`;
  if (scheme.split('.').length === 3) {
    return 'Authorization header holds a bare token without the "Bearer " prefix';
  }
  return 'Authorization header does not use the Bearer scheme';
}

function malformed(message: string): AgentCoreMcpError {
  return new AgentCoreMcpError('ERR_TOKEN_MALFORMED', message);
}
