import { AGENTCORE_RULES } from './agentCoreRules.js';
import { findAwsStringProblem } from './awsStringRule.js';
import { AgentCoreMcpError } from './errors.js';
import { quoteInput } from './internal/quoteInput.js';
import { suggestHeaderName } from './internal/suggestAwsValue.js';

/**
 * The most headers a runtime's `requestHeaderAllowlist` may list.
 *
 * @example
 * ```ts
 * const room = MAX_HEADER_ALLOWLIST_SIZE - allowlist.length;
 * ```
 */
export const MAX_HEADER_ALLOWLIST_SIZE = 20;

/**
 * The longest header name a runtime's `requestHeaderAllowlist` may list.
 *
 * @example
 * ```ts
 * if (name.length > MAX_HEADER_NAME_LENGTH) console.warn(`${name} is too long`);
 * ```
 */
export const MAX_HEADER_NAME_LENGTH = 256;

/**
 * The one `X-Amzn-` prefix allowed in an allowlist (before 2026, the only names allowed besides
 * `Authorization`).
 *
 * @example
 * ```ts
 * const tenantHeader = `${CUSTOM_HEADER_PREFIX}Tenant`;
 * ```
 */
export const CUSTOM_HEADER_PREFIX = 'X-Amzn-Bedrock-AgentCore-Runtime-Custom-';

/**
 * Request headers AgentCore never forwards to a runtime, so they cannot be allowlisted. Mirrors the
 * restricted list of the AgentCore "header allowlist" guide (as copied into the Python SDK), plus
 * `Expect` and `Max-Forwards`. Whole families are in {@link RESTRICTED_REQUEST_HEADER_PREFIXES}.
 * Names are in their usual case; compare them case-insensitively.
 *
 * @example
 * ```ts
 * const restricted = RESTRICTED_REQUEST_HEADERS.some((h) => h.toLowerCase() === 'host'); // true
 * ```
 */
export const RESTRICTED_REQUEST_HEADERS: readonly string[] = [
  // Authentication (`Authorization` itself is allowed, with a customJWTAuthorizer)
  'Proxy-Authorization',
  'WWW-Authenticate',
  // Content negotiation (the Accept-* and Content-* families are prefixes)
  'Accept',
  // Caching
  'Cache-Control',
  'ETag',
  'Expires',
  'If-Match',
  'If-Modified-Since',
  'If-None-Match',
  'If-Range',
  'If-Unmodified-Since',
  'Last-Modified',
  'Pragma',
  'Vary',
  // Connection management
  'Connection',
  'Keep-Alive',
  'Proxy-Connection',
  'Upgrade',
  // Request context
  'Host',
  'User-Agent',
  'Referer',
  'From',
  // Range and transfer
  'Range',
  'Transfer-Encoding',
  'TE',
  'Trailer',
  'Expect',
  'Max-Forwards',
  // Server information
  'Server',
  'Date',
  'Location',
  'Retry-After',
  // Cookies
  'Cookie',
  'Set-Cookie',
  // Security
  'Strict-Transport-Security',
  'X-Content-Type-Options',
  'X-Frame-Options',
  'X-XSS-Protection',
  'Referrer-Policy',
  'Permissions-Policy',
  'Cross-Origin-Embedder-Policy',
  'Cross-Origin-Opener-Policy',
  'Cross-Origin-Resource-Policy',
  // CORS (the Access-Control-* family is a prefix)
  'Origin',
  // Client hints
  'DPR',
  'Width',
  'Viewport-Width',
  'Downlink',
  'ECT',
  'RTT',
  'Save-Data',
  // Experimental or deprecated
  'Clear-Site-Data',
  'Feature-Policy',
  'Expect-CT',
  'Public-Key-Pins',
  'Public-Key-Pins-Report-Only',
  // Proxies (the X-Forwarded-* family is a prefix)
  'Via',
  'Forwarded',
  'X-Real-IP',
  'X-Requested-With',
  'X-CSRF-Token',
  // IP spoofing and URL rewriting
  'True-Client-IP',
  'X-Client-IP',
  'X-Cluster-Client-IP',
  'X-Originating-IP',
  'X-Source-IP',
  'X-Original-URL',
  'X-Original-Host',
  'X-Rewrite-URL',
  // CDNs
  'CF-Ray',
  'CF-Connecting-IP',
  'X-Cache',
  'X-Served-By',
  // Server push
  'Link',
];

/**
 * Prefixes of restricted header families: `Accept-*`, `Content-*`, `Access-Control-*` (CORS),
 * `X-Forwarded-*`, `Sec-WebSocket-*`, and `:` for HTTP/2 pseudo-headers such as `:path`.
 *
 * @example
 * ```ts
 * RESTRICTED_REQUEST_HEADER_PREFIXES.some((p) => 'content-type'.startsWith(p.toLowerCase())); // true
 * ```
 */
export const RESTRICTED_REQUEST_HEADER_PREFIXES: readonly string[] = [
  'Accept-',
  'Content-',
  'Access-Control-',
  'X-Forwarded-',
  'Sec-WebSocket-',
  ':',
];

const RESTRICTED_LOWER = new Set(RESTRICTED_REQUEST_HEADERS.map((name) => name.toLowerCase()));
const EXAMPLE_CUSTOM_HEADER = `${CUSTOM_HEADER_PREFIX}Tenant`;

/**
 * Validates a runtime's `requestHeaderAllowlist` against the 2026 AgentCore rules: 1–20 names,
 * unique ignoring case, each 1–256 letters, digits, `-` or `_` starting with a letter (the model's
 * `HeaderName`); no wildcards; nothing from
 * {@link RESTRICTED_REQUEST_HEADERS} or {@link RESTRICTED_REQUEST_HEADER_PREFIXES}; no `X-Amz-`
 * prefix; no `X-Amzn-` prefix except {@link CUSTOM_HEADER_PREFIX}.
 *
 * Allowlisting `Authorization` also requires the runtime to have a `customJWTAuthorizer`; that
 * cannot be checked here. Header values (at most 4 KB each) are checked by AgentCore per request.
 *
 * @param names - The header names, as an array or as one comma-separated string (CLI style).
 * @returns The names, trimmed, in their original order and case.
 * @throws {@link AgentCoreMcpError} `ERR_INVALID_HEADER_ALLOWLIST` when a rule is broken; the
 *   message names the offending header and the rule.
 * @example
 * ```ts
 * parseHeaderAllowlist('Authorization, X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant');
 * // ['Authorization', 'X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant']
 * ```
 */
export function parseHeaderAllowlist(names: readonly string[] | string): string[] {
  const entries = splitEntries(names);
  if (entries.length === 0) {
    throw invalid(
      `it is empty; list 1 to ${MAX_HEADER_ALLOWLIST_SIZE} header names, e.g. "Authorization,${EXAMPLE_CUSTOM_HEADER}"`,
    );
  }
  if (entries.length > MAX_HEADER_ALLOWLIST_SIZE) {
    const excess = entries.length - MAX_HEADER_ALLOWLIST_SIZE;
    throw invalid(
      `it has ${entries.length} headers, but the limit is ${MAX_HEADER_ALLOWLIST_SIZE}; remove ${excess}`,
    );
  }
  const seen = new Map<string, string>();
  for (const [index, name] of entries.entries()) {
    const problem = describeHeaderProblem(name, index);
    if (problem !== undefined) throw invalid(problem);
    const earlier = seen.get(name.toLowerCase());
    if (earlier !== undefined) {
      throw invalid(
        `header "${name}" repeats "${earlier}" (names are case-insensitive); list it once`,
      );
    }
    seen.set(name.toLowerCase(), name);
  }
  return entries;
}

/**
 * Tells whether a request header is on an allowlist, ignoring case as HTTP does.
 *
 * @param allowlist - The allowlisted names, e.g. from {@link parseHeaderAllowlist}.
 * @param headerName - A request header name, in any case.
 * @returns `true` when the header would be forwarded to the runtime.
 * @example
 * ```ts
 * isHeaderAllowed(['Authorization'], 'authorization'); // true
 * ```
 */
export function isHeaderAllowed(allowlist: readonly string[], headerName: string): boolean {
  const wanted = headerName.toLowerCase();
  return allowlist.some((name) => name.toLowerCase() === wanted);
}

function splitEntries(names: readonly string[] | string): string[] {
  if (typeof names === 'string') {
    return names.trim() === '' ? [] : names.split(',').map((name) => name.trim());
  }
  return names.map((name) => (typeof name === 'string' ? name.trim() : name));
}

function describeHeaderProblem(name: unknown, index: number): string | undefined {
  if (typeof name !== 'string') return `entry ${index + 1} is not a string`;
  if (name === '') return `entry ${index + 1} is empty; remove the extra comma`;
  const quoted = quoteInput(name);
  if (name.length > MAX_HEADER_NAME_LENGTH) {
    return `header ${quoted} is ${name.length} characters long, but the limit is ${MAX_HEADER_NAME_LENGTH}`;
  }
  if (name.includes('*')) {
    return `header ${quoted} contains a wildcard; list each header by its full name, e.g. "${EXAMPLE_CUSTOM_HEADER}"`;
  }
  const lower = name.toLowerCase();
  if (name.startsWith(':')) {
    return `header ${quoted} is an HTTP/2 pseudo-header, which AgentCore never forwards; remove it`;
  }
  if (findAwsStringProblem(AGENTCORE_RULES.headerName, name) !== undefined) {
    const { modelPattern, shape } = AGENTCORE_RULES.headerName;
    // A suggestion must pass every other check too (not turn into a restricted name).
    const suggestion = suggestHeaderName(name);
    const fix =
      suggestion !== undefined && describeHeaderProblem(suggestion, index) === undefined
        ? `; try "${suggestion}"`
        : '';
    return `header ${quoted} must start with a letter and contain only letters, digits, "-" and "_" (${modelPattern}, ${shape})${fix}`;
  }
  const restrictedPrefix = RESTRICTED_REQUEST_HEADER_PREFIXES.find((prefix) =>
    lower.startsWith(prefix.toLowerCase()),
  );
  if (RESTRICTED_LOWER.has(lower) || restrictedPrefix !== undefined) {
    const family = restrictedPrefix === undefined ? '' : ` (the ${restrictedPrefix}* family)`;
    return `header ${quoted} is restricted${family}; AgentCore never forwards it, so remove it`;
  }
  if (lower.startsWith('x-amz-')) {
    return `header ${quoted} uses the "X-Amz-" prefix reserved for SigV4; use a name such as "${EXAMPLE_CUSTOM_HEADER}"`;
  }
  const customLower = CUSTOM_HEADER_PREFIX.toLowerCase();
  if (lower.startsWith('x-amzn-') && !lower.startsWith(customLower)) {
    return `header ${quoted} uses the reserved "X-Amzn-" prefix; only "${CUSTOM_HEADER_PREFIX}<name>" headers may use it`;
  }
  if (lower === customLower) {
    return `header ${quoted} needs a name after the prefix, e.g. "${EXAMPLE_CUSTOM_HEADER}"`;
  }
  return undefined;
}

function invalid(problem: string): AgentCoreMcpError {
  return new AgentCoreMcpError(
    'ERR_INVALID_HEADER_ALLOWLIST',
    `Invalid request header allowlist: ${problem}`,
  );
}
