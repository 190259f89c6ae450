import { parseRuntimeArn, type RuntimeArn } from './arn.js';
import { AgentCoreMcpError } from './errors.js';
import { quoteInput } from './internal/quoteInput.js';
import { assertQualifier, DEFAULT_QUALIFIER } from './qualifier.js';

/** Options for {@link buildInvocationUrl} and {@link buildProtectedResourceMetadataUrl}. */
export interface BuildInvocationUrlOptions {
  /** The runtime ARN, as a string or as returned by `parseRuntimeArn`. Required. */
  arn: string | RuntimeArn;
  /** The runtime endpoint name. Default: `'DEFAULT'`. */
  qualifier?: string;
  /**
   * Where to send requests instead of AWS, e.g. `http://127.0.0.1:9000` for a local emulator: an
   * http(s) URL without query or fragment; a path prefix is kept. Default: the AgentCore data plane
   * of the ARN's region, `https://bedrock-agentcore.<region>.amazonaws.com` (`.amazonaws.com.cn`
   * in `aws-cn`).
   */
  endpoint?: string;
}

/** The result of {@link parseInvocationUrl}. */
export interface ParseInvocationUrlResult {
  /** The runtime ARN from the path, decoded and parsed. */
  arn: RuntimeArn;
  /** The `qualifier` query parameter, or `'DEFAULT'` when absent. */
  qualifier: string;
  /** The origin plus any path prefix before `/runtimes/`, e.g. `http://127.0.0.1:9000`. */
  endpoint: string;
}

const INVOCATION_PATH_PATTERN = /^(.*)\/runtimes\/([^/]+)\/invocations$/;
const EXPECTED_URL = 'expected <endpoint>/runtimes/<url-encoded runtime ARN>/invocations';

/**
 * Builds the URL an MCP client posts to for an AgentCore runtime:
 * `https://bedrock-agentcore.<region>.amazonaws.com/runtimes/<encodeURIComponent(arn)>/invocations?qualifier=DEFAULT`.
 *
 * @param options - The runtime ARN, and optionally the qualifier and an endpoint override.
 * @returns The invocation URL.
 * @throws {@link AgentCoreMcpError} `ERR_INVALID_ARN` for a malformed ARN,
 *   `ERR_INVALID_QUALIFIER` for a malformed qualifier, `ERR_INVALID_ENDPOINT` for an endpoint that
 *   is not a plain http(s) URL.
 * @example
 * ```ts
 * buildInvocationUrl({ arn: 'arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/my_server-AbCdEf1234' });
 * // 'https://bedrock-agentcore.us-west-2.amazonaws.com/runtimes/arn%3Aaws%3A…%2Fmy_server-AbCdEf1234/invocations?qualifier=DEFAULT'
 * ```
 */
export function buildInvocationUrl(options: BuildInvocationUrlOptions): string {
  return buildRuntimeUrl(options, '/invocations');
}

/**
 * Builds the OAuth Protected Resource Metadata URL (RFC 9728) of a runtime, the one AgentCore
 * advertises in `WWW-Authenticate: Bearer resource_metadata="…"` when a bearer token is missing:
 * `…/runtimes/<encoded ARN>/invocations/.well-known/oauth-protected-resource?qualifier=DEFAULT`.
 *
 * @param options - The runtime ARN, and optionally the qualifier and an endpoint override.
 * @returns The metadata URL.
 * @throws {@link AgentCoreMcpError} `ERR_INVALID_ARN`, `ERR_INVALID_QUALIFIER` or
 *   `ERR_INVALID_ENDPOINT`, as for {@link buildInvocationUrl}.
 * @example
 * ```ts
 * const metadataUrl = buildProtectedResourceMetadataUrl({ arn, qualifier: 'DEFAULT' });
 * ```
 */
export function buildProtectedResourceMetadataUrl(options: BuildInvocationUrlOptions): string {
  return buildRuntimeUrl(options, '/invocations/.well-known/oauth-protected-resource');
}

/**
 * Splits an invocation URL into runtime ARN, qualifier and endpoint; the inverse of
 * {@link buildInvocationUrl}. Useful for a local emulator that receives AgentCore-shaped requests.
 * Only the ARN form of the path is understood, not the agent-id-plus-`accountId` form.
 *
 * @param url - An invocation URL, e.g. `http://127.0.0.1:9000/runtimes/arn%3A…/invocations?qualifier=DEFAULT`.
 * @returns The parsed ARN, the qualifier (`'DEFAULT'` when absent) and the endpoint.
 * @throws {@link AgentCoreMcpError} `ERR_INVALID_INVOCATION_URL` when the URL is not an http(s)
 *   invocation URL, `ERR_INVALID_ARN` when the ARN in the path is malformed,
 *   `ERR_INVALID_QUALIFIER` when the qualifier is malformed.
 * @example
 * ```ts
 * const { arn, qualifier, endpoint } = parseInvocationUrl(request.url);
 * ```
 */
export function parseInvocationUrl(url: string | URL): ParseInvocationUrlResult {
  const text = String(url);
  const parsed = URL.canParse(text) ? new URL(text) : undefined;
  if (parsed === undefined || !isHttp(parsed)) {
    throw invalidUrl(text, `not an absolute http(s) URL; ${EXPECTED_URL}`);
  }
  const match = INVOCATION_PATH_PATTERN.exec(parsed.pathname);
  if (match === null) throw invalidUrl(text, EXPECTED_URL);
  const [, prefix = '', encodedArn = ''] = match;
  const decodedArn = decodePathSegment(encodedArn);
  if (decodedArn === undefined) {
    throw invalidUrl(text, 'the runtime ARN in the path is not valid percent-encoding');
  }
  const qualifier = parsed.searchParams.get('qualifier') ?? DEFAULT_QUALIFIER;
  assertQualifier(qualifier);
  return { arn: parseRuntimeArn(decodedArn), qualifier, endpoint: `${parsed.origin}${prefix}` };
}

function buildRuntimeUrl(options: BuildInvocationUrlOptions, suffix: string): string {
  const { qualifier = DEFAULT_QUALIFIER } = options;
  const arn = parseRuntimeArn(typeof options.arn === 'string' ? options.arn : options.arn.arn);
  assertQualifier(qualifier);
  const endpoint =
    options.endpoint === undefined ? defaultEndpoint(arn) : normalizeEndpoint(options.endpoint);
  return `${endpoint}/runtimes/${encodeURIComponent(arn.arn)}${suffix}?qualifier=${qualifier}`;
}

function defaultEndpoint({ partition, region }: RuntimeArn): string {
  const domain = partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `https://bedrock-agentcore.${region}.${domain}`;
}

function normalizeEndpoint(endpoint: string): string {
  const url = URL.canParse(endpoint) ? new URL(endpoint) : undefined;
  if (url === undefined || !isHttp(url)) {
    throw invalidEndpoint(endpoint, 'use an absolute http(s) URL such as http://127.0.0.1:9000');
  }
  if (endpoint.includes('?') || endpoint.includes('#')) {
    throw invalidEndpoint(
      endpoint,
      'remove the query string and fragment; the path and qualifier are added for you',
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw invalidEndpoint(endpoint, 'remove the user name and password from the URL');
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function decodePathSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function isHttp(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}

function invalidEndpoint(endpoint: string, problem: string): AgentCoreMcpError {
  return new AgentCoreMcpError(
    'ERR_INVALID_ENDPOINT',
    `Invalid endpoint ${quoteInput(endpoint)}: ${problem}`,
  );
}

function invalidUrl(url: string, problem: string): AgentCoreMcpError {
  return new AgentCoreMcpError(
    'ERR_INVALID_INVOCATION_URL',
    `Invalid invocation URL ${quoteInput(url)}: ${problem}`,
  );
}
