import { type ConfigPath, failConfig } from './configError.js';
import { type ConfigEnv, expandEnv } from './configVariables.js';
import { GATEWAY_CONFIG_DEFAULTS } from './defaults.js';
import type {
  HttpTargetEntry,
  OAuthEntry,
  StdioTargetEntry,
  TargetEntry,
} from './documentTypes.js';
import { httpTransportOf } from './httpTransport.js';
import type {
  HttpTargetConfig,
  HttpTargetTransport,
  OAuthClientCredentialsConfig,
  StdioTargetConfig,
  TargetConfig,
  TargetConfigBase,
  TargetProtocol,
} from './types.js';

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const ENV_NAME = /^[^=\0]+$/;
const LINE_BREAK_OR_NUL = /[\r\n\0]/;

/**
 * Resolves one `mcpServers` entry (checked by `readTargetEntry`): defaults applied, `${VAR}`s
 * expanded, values checked.
 *
 * @internal Not part of the public API.
 * @returns The target, or `undefined` when it is disabled (not expanded).
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` naming the key path and what is expected.
 */
export function resolveTarget(
  name: string,
  entry: TargetEntry,
  env: ConfigEnv,
): TargetConfig | undefined {
  if (entry.disabled === true) return undefined;
  return 'url' in entry
    ? resolveHttpTarget(name, entry, env)
    : resolveStdioTarget(name, entry, env);
}

function resolveHttpTarget(name: string, input: HttpTargetEntry, env: ConfigEnv): HttpTargetConfig {
  const path = ['mcpServers', name];
  const url = expandEnv(input.url, [...path, 'url'], env);
  const parsed = parseHttpUrl(url);
  if (parsed === undefined) {
    failConfig(
      [...path, 'url'],
      'expected an http:// or https:// URL such as "https://example.com/mcp"',
    );
  }
  const headers: Record<string, string> = {};
  const seen = new Map<string, string>();
  for (const [header, raw] of Object.entries(input.headers ?? {})) {
    const headerPath = [...path, 'headers', header];
    if (!HEADER_NAME.test(header)) {
      failConfig(headerPath, "expected an HTTP header name (letters, digits and !#$%&'*+.^_`|~-)");
    }
    const earlier = seen.get(header.toLowerCase());
    if (earlier !== undefined) {
      failConfig(headerPath, `repeats header "${earlier}" (names are case-insensitive); keep one`);
    }
    seen.set(header.toLowerCase(), header);
    const expanded = expandEnv(raw, headerPath, env);
    if (LINE_BREAK_OR_NUL.test(expanded)) {
      failConfig(
        headerPath,
        'the value contains a line break or NUL (after ${VAR} expansion); expected one line',
      );
    }
    headers[header] = expanded;
  }
  const forwardClientToken =
    input.forwardClientToken ?? GATEWAY_CONFIG_DEFAULTS.target.forwardClientToken;
  if (forwardClientToken && seen.has('authorization')) {
    failConfig(
      [...path, 'forwardClientToken'],
      'cannot be true while "headers" sets Authorization (the client\'s token would replace it); remove one',
    );
  }
  if (input.oauth !== undefined && (forwardClientToken || seen.has('authorization'))) {
    failConfig(
      [...path, 'oauth'],
      `cannot be combined with ${forwardClientToken ? '"forwardClientToken": true' : 'an Authorization header'}: each sets Authorization; keep one`,
    );
  }
  const transport = resolveTransport({ ...input, url }, path);
  if (transport === 'sse' && input.protocol !== undefined && input.protocol !== 'legacy') {
    failConfig(
      [...path, 'protocol'],
      `"${input.protocol}" needs a Streamable HTTP target; legacy SSE (HTTP+SSE) speaks MCP 2025 only, so use "legacy" or leave it out`,
    );
  }
  return {
    kind: 'http',
    ...resolveCommon(name, input, transport),
    forwardClientToken,
    oauth:
      input.oauth === undefined ? undefined : resolveOAuth(input.oauth, [...path, 'oauth'], env),
    url,
    transport,
    headers,
  };
}

function resolveOAuth(
  input: OAuthEntry,
  path: ConfigPath,
  env: ConfigEnv,
): OAuthClientCredentialsConfig {
  const tokenUrl = expandEnv(input.tokenUrl, [...path, 'tokenUrl'], env);
  if (parseHttpUrl(tokenUrl) === undefined) {
    failConfig([...path, 'tokenUrl'], 'expected an http:// or https:// token endpoint URL');
  }
  return {
    tokenUrl,
    clientId: expandEnv(input.clientId, [...path, 'clientId'], env),
    clientSecret: expandEnv(input.clientSecret, [...path, 'clientSecret'], env),
    scopes: input.scopes ?? [],
    authMethod: input.authMethod ?? 'client_secret_basic',
  };
}

function resolveStdioTarget(
  name: string,
  input: StdioTargetEntry,
  env: ConfigEnv,
): StdioTargetConfig {
  const path = ['mcpServers', name];
  const command = expandEnv(input.command, [...path, 'command'], env);
  if (command === '')
    failConfig([...path, 'command'], 'is empty after ${VAR} expansion; expected a command');
  const childEnv: Record<string, string> = {};
  for (const [variable, raw] of Object.entries(input.env ?? {})) {
    const variablePath = [...path, 'env', variable];
    if (!ENV_NAME.test(variable))
      failConfig(variablePath, 'expected an environment variable name without "="');
    childEnv[variable] = expandEnv(raw, variablePath, env);
  }
  const cwd = input.cwd === undefined ? undefined : expandEnv(input.cwd, [...path, 'cwd'], env);
  if (cwd === '')
    failConfig([...path, 'cwd'], 'is empty after ${VAR} expansion; expected a directory path');
  return {
    kind: 'stdio',
    ...resolveCommon(name, input, 'stdio'),
    command,
    args: (input.args ?? []).map((arg, index) => expandEnv(arg, [...path, 'args', index], env)),
    env: childEnv,
    cwd,
  };
}

function resolveCommon(
  name: string,
  input: {
    prefix?: string | undefined;
    timeoutMs?: number | undefined;
    tools?: { allow?: string[] | undefined; deny?: string[] | undefined } | undefined;
    protocol?: TargetProtocol | undefined;
  },
  transport: HttpTargetTransport | 'stdio',
): TargetConfigBase {
  const defaults = GATEWAY_CONFIG_DEFAULTS.target;
  return {
    name,
    prefix: input.prefix ?? name,
    tools: {
      allow: [...(input.tools?.allow ?? defaults.tools.allow)],
      deny: [...(input.tools?.deny ?? defaults.tools.deny)],
    },
    timeoutMs: input.timeoutMs ?? defaults.timeoutMs,
    protocol: input.protocol ?? defaults.protocol[transport],
  };
}

/** The declared transport, else the one guessed from the expanded URL; `type` must agree. */
function resolveTransport(input: HttpTargetEntry, path: ConfigPath): HttpTargetConfig['transport'] {
  const fromType =
    input.type === undefined ? undefined : input.type === 'sse' ? 'sse' : 'streamable-http';
  if (fromType !== undefined && input.transport !== undefined && fromType !== input.transport) {
    failConfig(
      [...path, 'transport'],
      `"${input.transport}" contradicts "type": "${input.type}"; set only one of them`,
    );
  }
  return httpTransportOf(input);
}

function parseHttpUrl(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}
