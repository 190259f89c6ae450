import { z } from 'zod';

import { describeTargetNameProblem } from '../toolNames.js';
import { suggestKey } from './suggestKey.js';

/** The longest delay `setTimeout` honours (2^31 - 1 ms); larger values fire at once. */
const MAX_DELAY_MS = 2_147_483_647;

/**
 * The message of a value that is not what `expected` describes: `missing; <expected>` when the
 * value is absent, `<expected>` otherwise. (Core's authorizer schema words its messages the same
 * way; the gateway delegates `gateway.auth` to core's `parseAuthorizerConfig`.)
 */
function describeExpected(expected: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined ? `missing; ${expected}` : expected;
}

/** A zod error option that words every issue with {@link describeExpected}. */
function withMessage(expected: string) {
  return { error: describeExpected(expected) };
}

/**
 * A strict object whose unknown-key message lists the allowed keys and suggests the closest one.
 * `otherKeys` names keys that are valid elsewhere (e.g. stdio keys on an http target) with a hint.
 */
function strictObject<TShape extends z.ZodRawShape>(
  shape: TShape,
  expected: string,
  otherKeys: Readonly<Record<string, string>> = {},
) {
  const allowed = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code !== 'unrecognized_keys') return describeExpected(expected)(issue);
      const key = issue.keys[0] ?? '';
      const list = `allowed keys: ${allowed.join(', ')}`;
      const elsewhere = otherKeys[key];
      if (elsewhere !== undefined) return `${elsewhere}; ${list}`;
      const suggestion = suggestKey(key, allowed);
      return suggestion === undefined
        ? `unknown key; ${list}`
        : `unknown key (did you mean "${suggestion}"?); ${list}`;
    },
  });
}

function delay(expected: string, minimum = 1) {
  return z
    .number(withMessage(expected))
    .int(expected)
    .min(minimum, expected)
    .max(MAX_DELAY_MS, expected)
    .optional();
}

const nonEmptyString = (expected: string) =>
  z.string(withMessage(expected)).min(1, expected).optional();

const globPattern = z
  .string(withMessage('expected a glob pattern such as "search_*"'))
  .regex(/^\S+$/, 'expected a glob pattern such as "search_*" (no spaces, not empty)');

const toolsSchema = strictObject(
  {
    allow: z
      .array(globPattern, withMessage('expected a non-empty list of glob patterns'))
      .min(1, 'expected a non-empty list of glob patterns; leave "allow" out to expose every tool')
      .optional(),
    deny: z.array(globPattern, withMessage('expected a list of glob patterns')).optional(),
  },
  'expected an object {"allow": [glob…], "deny": [glob…]}',
);

const prefixExpected = 'expected a target prefix such as "weather"';
const commonShape = {
  prefix: z
    .string(withMessage(prefixExpected))
    .superRefine((value, context) => {
      const problem = describeTargetNameProblem(value);
      if (problem !== undefined) {
        context.addIssue({ code: 'custom', message: `invalid prefix; ${problem}` });
      }
    })
    .optional(),
  tools: toolsSchema.optional(),
  timeoutMs: delay(`expected an integer number of milliseconds, 1-${MAX_DELAY_MS}`),
  disabled: z.boolean(withMessage('expected true or false')).optional(),
  protocol: z
    .enum(
      ['auto', 'legacy', '2026-07-28'],
      withMessage('expected "auto", "legacy" or "2026-07-28"'),
    )
    .optional(),
};

const STDIO_ONLY = 'applies to stdio targets (with "command"), not to http targets (with "url")';
const HTTP_ONLY = 'applies to http targets (with "url"), not to stdio targets (with "command")';
const stringMap = (expected: string) =>
  z.record(z.string(), z.string(withMessage('expected a string')), withMessage(expected));

const oauthSchema = strictObject(
  {
    tokenUrl: z.string(withMessage('expected the OAuth token endpoint URL')),
    clientId: z
      .string(withMessage('expected the OAuth client id'))
      .min(1, 'expected the OAuth client id'),
    clientSecret: z
      .string(withMessage('expected the OAuth client secret, e.g. "${CLIENT_SECRET}"'))
      .min(1, 'expected the OAuth client secret, e.g. "${CLIENT_SECRET}"'),
    scopes: z
      .array(z.string(withMessage('expected a string')), withMessage('expected a list of scopes'))
      .optional(),
    authMethod: z
      .enum(
        ['client_secret_basic', 'client_secret_post'],
        withMessage('expected "client_secret_basic" or "client_secret_post"'),
      )
      .optional(),
  },
  'expected an object {"tokenUrl", "clientId", "clientSecret", "scopes"?} (OAuth client credentials)',
);

/** An `mcpServers` entry with `url`. @internal */
export const httpTargetSchema = strictObject(
  {
    url: z.string(withMessage('expected an http(s) URL')),
    type: z
      .enum(
        ['http', 'streamable-http', 'sse'],
        withMessage('expected "http", "streamable-http" or "sse"'),
      )
      .optional(),
    transport: z
      .enum(['streamable-http', 'sse'], withMessage('expected "streamable-http" or "sse"'))
      .optional(),
    headers: stringMap('expected an object of header name → string').optional(),
    forwardClientToken: z.boolean(withMessage('expected true or false')).optional(),
    oauth: oauthSchema.optional(),
    ...commonShape,
  },
  'expected an object',
  { command: STDIO_ONLY, args: STDIO_ONLY, env: STDIO_ONLY, cwd: STDIO_ONLY },
);

/** An `mcpServers` entry with `command`. @internal */
export const stdioTargetSchema = strictObject(
  {
    command: z.string(withMessage('expected a command')).min(1, 'expected a command, e.g. "node"'),
    type: z
      .literal('stdio', withMessage('expected "stdio" for a target with "command"'))
      .optional(),
    args: z
      .array(z.string(withMessage('expected a string')), withMessage('expected a list of strings'))
      .optional(),
    env: stringMap('expected an object of variable name → string').optional(),
    cwd: nonEmptyString('expected a directory path'),
    ...commonShape,
  },
  'expected an object',
  {
    url: HTTP_ONLY,
    headers: HTTP_ONLY,
    transport: HTTP_ONLY,
    forwardClientToken: `${HTTP_ONLY}: a child process receives no bearer token`,
    oauth: `${HTTP_ONLY}: pass credentials to a child process in "env"`,
  },
);

const healthCheckSchema = strictObject(
  {
    intervalMs: delay(`expected an integer number of milliseconds, 1-${MAX_DELAY_MS}`),
    failureThreshold: z
      .number(withMessage('expected an integer of at least 1'))
      .int('expected an integer of at least 1')
      .min(1, 'expected an integer of at least 1')
      .optional(),
    cooldownMs: delay(`expected an integer number of milliseconds, 1-${MAX_DELAY_MS}`),
  },
  'expected an object {"intervalMs", "failureThreshold", "cooldownMs"}',
);

const discoverySchema = strictObject(
  {
    refreshIntervalMs: delay(
      `expected an integer number of milliseconds, 0 (off) to ${MAX_DELAY_MS}`,
      0,
    ),
    hideUnhealthy: z.boolean(withMessage('expected true or false')).optional(),
    startupWaitMs: delay(
      `expected an integer number of milliseconds, 0 (do not wait) to ${MAX_DELAY_MS}`,
      0,
    ),
    busyWhileStarting: z.boolean(withMessage('expected true or false')).optional(),
  },
  'expected an object {"refreshIntervalMs", "hideUnhealthy", "startupWaitMs", "busyWhileStarting"}',
);

const portExpected = 'expected an integer port, 0-65535';

/** The `gateway` section. @internal */
export const gatewaySectionSchema = strictObject(
  {
    host: nonEmptyString('expected a host name or IP address, e.g. "0.0.0.0"'),
    port: z
      .number(withMessage(portExpected))
      .int(portExpected)
      .min(0, portExpected)
      .max(65_535, portExpected)
      .optional(),
    path: z
      .string(withMessage('expected a path starting with "/", e.g. "/mcp"'))
      .regex(/^\/\S*$/, 'expected a path starting with "/", e.g. "/mcp"')
      .optional(),
    mode: z
      .enum(['stateless', 'stateful'], withMessage('expected "stateless" or "stateful"'))
      .optional(),
    toolNamePrefix: z
      .enum(
        ['always', 'on-collision', 'never'],
        withMessage('expected "always", "on-collision" or "never"'),
      )
      .optional(),
    auth: strictObject(
      {
        customJWTAuthorizer: z.record(
          z.string(),
          z.unknown(),
          withMessage('expected the AgentCore customJWTAuthorizer object {"discoveryUrl": …}'),
        ),
      },
      'expected an object {"customJWTAuthorizer": {…}}',
    ).optional(),
    healthCheck: healthCheckSchema.optional(),
    discovery: discoverySchema.optional(),
  },
  'expected an object',
);

/** The document root. Each `mcpServers` value, then `gateway`, is checked afterwards. @internal */
export const rootSchema = strictObject(
  {
    mcpServers: z.record(
      z.string(),
      z.unknown(),
      withMessage('expected an object of target name → server definition'),
    ),
    gateway: z.unknown().optional(),
  },
  'expected a JSON object with "mcpServers" and optionally "gateway"',
);
