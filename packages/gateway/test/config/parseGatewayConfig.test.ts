import { describe, expect, it } from 'vitest';

import {
  GATEWAY_CONFIG_DEFAULTS,
  type GatewayConfig,
  parseGatewayConfig,
} from '../../src/index.js';
import { catchConfigError } from './catchConfigError.js';

const URL_TARGET = { url: 'https://weather.example.com/mcp' };
const DISCOVERY_URL =
  'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC/.well-known/openid-configuration';
const NO_ENV = { env: {} };

function withTarget(target: unknown, gateway?: unknown): unknown {
  return { mcpServers: { a: target }, ...(gateway === undefined ? {} : { gateway }) };
}

describe('parseGatewayConfig: valid configurations', () => {
  it('applies every default to a minimal http target', () => {
    const config = parseGatewayConfig({ mcpServers: { weather: URL_TARGET } }, NO_ENV);
    expect(config).toEqual<GatewayConfig>({
      targets: [
        {
          kind: 'http',
          name: 'weather',
          prefix: 'weather',
          url: 'https://weather.example.com/mcp',
          transport: 'streamable-http',
          headers: {},
          forwardClientToken: false,
          oauth: undefined,
          tools: { allow: ['*'], deny: [] },
          timeoutMs: 30_000,
          protocol: 'auto',
        },
      ],
      gateway: {
        host: '127.0.0.1',
        port: 8000,
        path: '/mcp',
        mode: 'stateless',
        toolNamePrefix: 'always',
        auth: undefined,
        healthCheck: { intervalMs: 15_000, failureThreshold: 3, cooldownMs: 30_000 },
        discovery: {
          refreshIntervalMs: 300_000,
          hideUnhealthy: true,
          startupWaitMs: 10_000,
          busyWhileStarting: true,
        },
      },
    });
  });

  it('applies every default to a minimal stdio target', () => {
    const config = parseGatewayConfig({ mcpServers: { files: { command: 'node' } } }, NO_ENV);
    expect(config.targets).toEqual([
      {
        kind: 'stdio',
        name: 'files',
        prefix: 'files',
        command: 'node',
        args: [],
        env: {},
        cwd: undefined,
        tools: { allow: ['*'], deny: [] },
        timeoutMs: 30_000,
        protocol: 'legacy',
      },
    ]);
  });

  it('keeps every explicit value', () => {
    const config = parseGatewayConfig(
      {
        mcpServers: {
          weather: {
            url: 'http://127.0.0.1:3000/mcp',
            transport: 'sse',
            headers: { 'X-Api-Key': 'k' },
            forwardClientToken: true,
            prefix: 'wx',
            tools: { allow: ['get_*'], deny: ['get_secret'] },
            timeoutMs: 5000,
            disabled: false,
          },
          files: {
            command: 'node',
            args: ['server.js', '--root', '/data'],
            env: { ROOT: '/data' },
            cwd: '/srv',
            type: 'stdio',
            protocol: '2026-07-28',
          },
        },
        gateway: {
          host: '127.0.0.1',
          port: 0,
          path: '/gateway/mcp',
          mode: 'stateful',
          toolNamePrefix: 'on-collision',
          auth: { customJWTAuthorizer: { discoveryUrl: DISCOVERY_URL, allowedClients: ['c1'] } },
          healthCheck: { intervalMs: 1000, failureThreshold: 1, cooldownMs: 2000 },
          discovery: {
            refreshIntervalMs: 0,
            hideUnhealthy: false,
            startupWaitMs: 0,
            busyWhileStarting: false,
          },
        },
      },
      NO_ENV,
    );
    expect(config.targets).toEqual([
      {
        kind: 'http',
        name: 'weather',
        prefix: 'wx',
        url: 'http://127.0.0.1:3000/mcp',
        transport: 'sse',
        headers: { 'X-Api-Key': 'k' },
        forwardClientToken: true,
        tools: { allow: ['get_*'], deny: ['get_secret'] },
        timeoutMs: 5000,
        protocol: 'legacy',
      },
      {
        kind: 'stdio',
        name: 'files',
        prefix: 'files',
        command: 'node',
        args: ['server.js', '--root', '/data'],
        env: { ROOT: '/data' },
        cwd: '/srv',
        tools: { allow: ['*'], deny: [] },
        timeoutMs: 30_000,
        protocol: '2026-07-28',
      },
    ]);
    expect(config.gateway).toEqual({
      host: '127.0.0.1',
      port: 0,
      path: '/gateway/mcp',
      mode: 'stateful',
      toolNamePrefix: 'on-collision',
      auth: { jwt: { discoveryUrl: DISCOVERY_URL, allowedClients: ['c1'] } },
      healthCheck: { intervalMs: 1000, failureThreshold: 1, cooldownMs: 2000 },
      discovery: {
        refreshIntervalMs: 0,
        hideUnhealthy: false,
        startupWaitMs: 0,
        busyWhileStarting: false,
      },
    });
  });

  it.each([
    [{ url: 'https://x.example.com/mcp' }, 'auto'],
    [{ url: 'https://x.example.com/mcp', protocol: 'legacy' }, 'legacy'],
    [{ url: 'https://x.example.com/mcp', protocol: '2026-07-28' }, '2026-07-28'],
    [{ url: 'https://x.example.com/sse' }, 'legacy'],
    [{ command: 'node' }, 'legacy'],
    [{ command: 'node', protocol: 'auto' }, 'auto'],
  ])('resolves the protocol of %j to %s', (entry, protocol) => {
    expect(parseGatewayConfig(withTarget(entry), NO_ENV).targets[0]?.protocol).toBe(protocol);
  });

  it.each([
    ['https://x.example.com/mcp', {}, 'streamable-http'],
    ['https://x.example.com/sse', {}, 'sse'],
    ['https://x.example.com/v1/sse?key=1', {}, 'sse'],
    ['https://x.example.com/sse/mcp', {}, 'streamable-http'],
    ['https://x.example.com/sse', { transport: 'streamable-http' }, 'streamable-http'],
    ['https://x.example.com/mcp', { transport: 'sse' }, 'sse'],
    ['https://x.example.com/mcp', { type: 'sse' }, 'sse'],
    ['https://x.example.com/sse', { type: 'http' }, 'streamable-http'],
    [
      'https://x.example.com/mcp',
      { type: 'streamable-http', transport: 'streamable-http' },
      'streamable-http',
    ],
  ])('infers the transport of %j with %j as %j', (url, extra, transport) => {
    const [target] = parseGatewayConfig(withTarget({ url, ...extra }), NO_ENV).targets;
    expect(target).toMatchObject({ kind: 'http', transport });
  });

  it('fills a partial healthCheck/discovery section from the defaults', () => {
    const { gateway } = parseGatewayConfig(
      withTarget(URL_TARGET, {
        healthCheck: { failureThreshold: 5 },
        discovery: { hideUnhealthy: false },
      }),
      NO_ENV,
    );
    expect(gateway.healthCheck).toEqual({
      ...GATEWAY_CONFIG_DEFAULTS.gateway.healthCheck,
      failureThreshold: 5,
    });
    expect(gateway.discovery).toEqual({
      ...GATEWAY_CONFIG_DEFAULTS.gateway.discovery,
      hideUnhealthy: false,
    });
  });

  it('accepts the inner customJWTAuthorizer object only under its wrapper key', () => {
    const { gateway } = parseGatewayConfig(
      withTarget(URL_TARGET, { auth: { customJWTAuthorizer: { discoveryUrl: DISCOVERY_URL } } }),
      NO_ENV,
    );
    expect(gateway.auth).toEqual({ jwt: { discoveryUrl: DISCOVERY_URL } });
  });

  it('parses a JSON string like the object it holds', () => {
    const text = JSON.stringify({ mcpServers: { weather: URL_TARGET }, gateway: { port: 9000 } });
    expect(parseGatewayConfig(text, NO_ENV)).toEqual(
      parseGatewayConfig({ mcpServers: { weather: URL_TARGET }, gateway: { port: 9000 } }, NO_ENV),
    );
  });

  it('leaves disabled targets out without expanding them, keeps document order', () => {
    const config = parseGatewayConfig(
      {
        mcpServers: {
          b: { command: 'b' },
          old: { url: 'https://${UNSET_HOST}/mcp', prefix: 'b', disabled: true },
          a: { ...URL_TARGET, disabled: false },
        },
      },
      NO_ENV,
    );
    expect(config.targets.map((target) => target.name)).toEqual(['b', 'a']);
  });

  it('lets two targets share a prefix when one of them is disabled', () => {
    const config = parseGatewayConfig(
      {
        mcpServers: {
          prod: { ...URL_TARGET, prefix: 'wx' },
          dev: { ...URL_TARGET, prefix: 'wx', disabled: true },
        },
      },
      NO_ENV,
    );
    expect(config.targets).toHaveLength(1);
  });

  it('returns fresh arrays, not the shared defaults', () => {
    const first = parseGatewayConfig({ mcpServers: { a: URL_TARGET } }, NO_ENV);
    first.targets[0]?.tools.allow.push('mutated');
    const second = parseGatewayConfig({ mcpServers: { a: URL_TARGET } }, NO_ENV);
    expect(second.targets[0]?.tools.allow).toEqual(['*']);
  });

  it('reads process.env when no env is given', () => {
    process.env.AGENTCORE_MCP_CONFIG_TEST_HOST = 'from-process.example.com';
    try {
      const [target] = parseGatewayConfig(
        withTarget({ url: 'https://${AGENTCORE_MCP_CONFIG_TEST_HOST}/mcp' }),
      ).targets;
      expect(target).toMatchObject({ url: 'https://from-process.example.com/mcp' });
    } finally {
      delete process.env.AGENTCORE_MCP_CONFIG_TEST_HOST;
    }
  });
});

describe('parseGatewayConfig: ${VAR} expansion', () => {
  const env = { HOST: 'api.example.com', TOKEN: 's3cr3t', EMPTY: '', HOME: '/home/me' };

  it.each([
    ['plain', 'no variables', 'no variables'],
    ['one variable', '${HOST}', 'api.example.com'],
    ['inside text', 'Bearer ${TOKEN}!', 'Bearer s3cr3t!'],
    ['two variables', '${HOST}/${TOKEN}', 'api.example.com/s3cr3t'],
    ['set to empty', '[${EMPTY}]', '[]'],
    ['default when unset', '${MISSING:-fallback}', 'fallback'],
    ['default when empty', '${EMPTY:-fallback}', 'fallback'],
    ['default ignored when set', '${HOST:-fallback}', 'api.example.com'],
    ['empty default', '[${MISSING:-}]', '[]'],
    ['default with ":" and "/"', '${MISSING:-http://x:1/y}', 'http://x:1/y'],
    ['escape', '$${HOST}', '${HOST}'],
    ['escape then variable', '$${HOST}${HOST}', '${HOST}api.example.com'],
    ['lone dollar', 'cost $5 and $', 'cost $5 and $'],
    ['$$ not before {', 'a$$b', 'a$$b'],
    ['no recursion', '${RECURSIVE}', '${HOST}'],
  ])('%s: %j → %j', (_label, written, expanded) => {
    const config = parseGatewayConfig(
      withTarget({ command: written, args: [written], env: { V: written }, cwd: `/${written}` }),
      { env: { ...env, RECURSIVE: '${HOST}' } },
    );
    expect(config.targets[0]).toMatchObject({
      command: expanded,
      args: [expanded],
      env: { V: expanded },
      cwd: `/${expanded}`,
    });
  });

  it('expands url and header values, not header names', () => {
    const [target] = parseGatewayConfig(
      withTarget({
        url: 'https://${HOST}/mcp',
        headers: { Authorization: 'Bearer ${TOKEN}', 'X-Home': '${HOME}' },
      }),
      { env },
    ).targets;
    expect(target).toMatchObject({
      url: 'https://api.example.com/mcp',
      headers: { Authorization: 'Bearer s3cr3t', 'X-Home': '/home/me' },
    });
  });

  it('does not expand keys outside url/headers/command/args/env/cwd', () => {
    const [target] = parseGatewayConfig(
      withTarget({ ...URL_TARGET, prefix: 'p', tools: { allow: ['${X}'] } }),
      {
        env: { X: 'y' },
      },
    ).targets;
    expect(target?.tools.allow).toEqual(['${X}']);
  });
});

describe('parseGatewayConfig: rejections', () => {
  const auth = (inner: unknown) => withTarget(URL_TARGET, { auth: { customJWTAuthorizer: inner } });
  const urlMessage = 'expected an http:// or https:// URL such as "https://example.com/mcp"';
  const httpKeys =
    'url, type, transport, headers, forwardClientToken, oauth, prefix, tools, timeoutMs, disabled, protocol';
  const stdioKeys = 'command, type, args, env, cwd, prefix, tools, timeoutMs, disabled, protocol';
  const delay = 'expected an integer number of milliseconds, 1-2147483647';

  it.each<[string, unknown, string]>([
    // The document and mcpServers
    ['not an object', [], 'expected a JSON object with "mcpServers" and optionally "gateway"'],
    ['null', null, 'expected a JSON object with "mcpServers" and optionally "gateway"'],
    [
      'unknown root key',
      { mcpServers: { a: URL_TARGET }, gatway: {} },
      'gatway: unknown key (did you mean "gateway"?); allowed keys: mcpServers, gateway',
    ],
    [
      'no mcpServers',
      {},
      'mcpServers: missing; expected an object of target name → server definition',
    ],
    [
      'mcpServers is a list',
      { mcpServers: [] },
      'mcpServers: expected an object of target name → server definition',
    ],
    [
      'no targets',
      { mcpServers: {} },
      'mcpServers: expected at least one target, e.g. {"weather": {"url": "https://…/mcp"}}',
    ],
    [
      'every target disabled',
      withTarget({ ...URL_TARGET, disabled: true }),
      'mcpServers: every target is disabled; enable at least one',
    ],
    // Target kind
    [
      'both url and command',
      withTarget({ url: 'https://x', command: 'node' }),
      'mcpServers.a: has both "url" and "command"; a target is either http ("url") or stdio ("command"), remove one',
    ],
    [
      'neither url nor command',
      withTarget({ args: [] }),
      'mcpServers.a: needs "url" or "command"; expected {"url": "https://…/mcp"} for an http target or {"command": "node", "args": […]} for a stdio target',
    ],
    [
      'neither, with a typo',
      withTarget({ ulr: 'https://x' }),
      'mcpServers.a: needs "url" or "command" (did you mean "url" instead of "ulr"?); expected {"url": "https://…/mcp"} for an http target or {"command": "node", "args": […]} for a stdio target',
    ],
    [
      'target is a string',
      withTarget('https://x'),
      'mcpServers.a: expected an object with "url" (http target) or "command" (stdio target)',
    ],
    // Names and prefixes
    [
      'name with ___',
      { mcpServers: { my___t: URL_TARGET } },
      'mcpServers.my___t: invalid target name; it must not contain "___", the tool name separator; use "_" or "-"',
    ],
    [
      'name with a space',
      { mcpServers: { 'has space': URL_TARGET } },
      'mcpServers["has space"]: invalid target name; expected 1-63 letters, digits, "_" or "-", starting with a letter or digit',
    ],
    [
      'name ending in _',
      { mcpServers: { t_: URL_TARGET } },
      'mcpServers.t_: invalid target name; it must not end with "_", which would merge with the "___" separator',
    ],
    [
      'name of 64 characters',
      { mcpServers: { ['x'.repeat(64)]: URL_TARGET } },
      `mcpServers.${'x'.repeat(64)}: invalid target name; expected 1-63 letters, digits, "_" or "-", starting with a letter or digit`,
    ],
    [
      'prefix ending in _',
      withTarget({ ...URL_TARGET, prefix: 'x_' }),
      'mcpServers.a.prefix: invalid prefix; it must not end with "_", which would merge with the "___" separator',
    ],
    [
      'prefix with ___',
      withTarget({ ...URL_TARGET, prefix: 'a___b' }),
      'mcpServers.a.prefix: invalid prefix; it must not contain "___", the tool name separator; use "_" or "-"',
    ],
    [
      'empty prefix',
      withTarget({ ...URL_TARGET, prefix: '' }),
      'mcpServers.a.prefix: invalid prefix; expected 1-63 letters, digits, "_" or "-", starting with a letter or digit',
    ],
    [
      'prefix not a string',
      withTarget({ ...URL_TARGET, prefix: 1 }),
      'mcpServers.a.prefix: expected a target prefix such as "weather"',
    ],
    [
      'duplicate prefix',
      { mcpServers: { a: URL_TARGET, b: { ...URL_TARGET, prefix: 'a' } } },
      'mcpServers.b.prefix: "a" is already the prefix of target "a"; give each enabled target its own prefix',
    ],
    [
      'unknown protocol',
      withTarget({ ...URL_TARGET, protocol: '2025-11-25' }),
      'mcpServers.a.protocol: expected "auto", "legacy" or "2026-07-28"',
    ],
    [
      'MCP 2026-07-28 over legacy SSE',
      withTarget({ url: 'https://x.example.com/sse', protocol: '2026-07-28' }),
      'mcpServers.a.protocol: "2026-07-28" needs a Streamable HTTP target; legacy SSE (HTTP+SSE) speaks MCP 2025 only, so use "legacy" or leave it out',
    ],
    // Unknown keys
    [
      'typo in a target key',
      withTarget({ ...URL_TARGET, hedaers: {} }),
      `mcpServers.a.hedaers: unknown key (did you mean "headers"?); allowed keys: ${httpKeys}`,
    ],
    [
      'wrong case of a key',
      withTarget({ ...URL_TARGET, timeoutms: 1 }),
      `mcpServers.a.timeoutms: unknown key (did you mean "timeoutMs"?); allowed keys: ${httpKeys}`,
    ],
    [
      'unknown key, nothing close',
      withTarget({ ...URL_TARGET, zzzzzz: 1 }),
      `mcpServers.a.zzzzzz: unknown key; allowed keys: ${httpKeys}`,
    ],
    [
      'stdio key on an http target',
      withTarget({ ...URL_TARGET, args: [] }),
      `mcpServers.a.args: applies to stdio targets (with "command"), not to http targets (with "url"); allowed keys: ${httpKeys}`,
    ],
    [
      'http key on a stdio target',
      withTarget({ command: 'node', headers: {} }),
      `mcpServers.a.headers: applies to http targets (with "url"), not to stdio targets (with "command"); allowed keys: ${stdioKeys}`,
    ],
    [
      'forwardClientToken on stdio',
      withTarget({ command: 'node', forwardClientToken: true }),
      `mcpServers.a.forwardClientToken: applies to http targets (with "url"), not to stdio targets (with "command"): a child process receives no bearer token; allowed keys: ${stdioKeys}`,
    ],
    [
      'typo in tools',
      withTarget({ ...URL_TARGET, tools: { alow: ['x'] } }),
      'mcpServers.a.tools.alow: unknown key (did you mean "allow"?); allowed keys: allow, deny',
    ],
    [
      'typo in gateway',
      withTarget(URL_TARGET, { prot: 80 }),
      'gateway.prot: unknown key (did you mean "port"?); allowed keys: host, port, path, mode, toolNamePrefix, auth, healthCheck, discovery',
    ],
    [
      'typo in healthCheck',
      withTarget(URL_TARGET, { healthCheck: { interval: 1 } }),
      'gateway.healthCheck.interval: unknown key (did you mean "intervalMs"?); allowed keys: intervalMs, failureThreshold, cooldownMs',
    ],
    [
      'typo in discovery',
      withTarget(URL_TARGET, { discovery: { hideUnhealty: true } }),
      'gateway.discovery.hideUnhealty: unknown key (did you mean "hideUnhealthy"?); allowed keys: refreshIntervalMs, hideUnhealthy, startupWaitMs, busyWhileStarting',
    ],
    [
      'typo in auth wrapper',
      withTarget(URL_TARGET, { auth: { customJwtAuthorizer: {} } }),
      'gateway.auth.customJwtAuthorizer: unknown key (did you mean "customJWTAuthorizer"?); allowed keys: customJWTAuthorizer',
    ],
    // URLs and transports
    ['not a URL', withTarget({ url: 'not a url' }), `mcpServers.a.url: ${urlMessage}`],
    ['ftp URL', withTarget({ url: 'ftp://x.example.com/mcp' }), `mcpServers.a.url: ${urlMessage}`],
    ['relative URL', withTarget({ url: '/mcp' }), `mcpServers.a.url: ${urlMessage}`],
    ['empty URL', withTarget({ url: '' }), `mcpServers.a.url: ${urlMessage}`],
    ['URL not a string', withTarget({ url: 5 }), 'mcpServers.a.url: expected an http(s) URL'],
    [
      'unknown transport',
      withTarget({ ...URL_TARGET, transport: 'websocket' }),
      'mcpServers.a.transport: expected "streamable-http" or "sse"',
    ],
    [
      'unknown type',
      withTarget({ ...URL_TARGET, type: 'stdio' }),
      'mcpServers.a.type: expected "http", "streamable-http" or "sse"',
    ],
    [
      'type stdio mismatch',
      withTarget({ command: 'node', type: 'http' }),
      'mcpServers.a.type: expected "stdio" for a target with "command"',
    ],
    [
      'type contradicts transport',
      withTarget({ ...URL_TARGET, type: 'sse', transport: 'streamable-http' }),
      'mcpServers.a.transport: "streamable-http" contradicts "type": "sse"; set only one of them',
    ],
    // Headers
    [
      'headers is a list',
      withTarget({ ...URL_TARGET, headers: ['x'] }),
      'mcpServers.a.headers: expected an object of header name → string',
    ],
    [
      'header value a number',
      withTarget({ ...URL_TARGET, headers: { 'X-N': 1 } }),
      'mcpServers.a.headers.X-N: expected a string',
    ],
    [
      'bad header name',
      withTarget({ ...URL_TARGET, headers: { 'X Y': 'v' } }),
      'mcpServers.a.headers["X Y"]: expected an HTTP header name (letters, digits and !#$%&\'*+.^_`|~-)',
    ],
    [
      'header repeated in another case',
      withTarget({ ...URL_TARGET, headers: { Authorization: 'a', authorization: 'b' } }),
      'mcpServers.a.headers.authorization: repeats header "Authorization" (names are case-insensitive); keep one',
    ],
    [
      'forwardClientToken with Authorization',
      withTarget({ ...URL_TARGET, headers: { authorization: 'a' }, forwardClientToken: true }),
      'mcpServers.a.forwardClientToken: cannot be true while "headers" sets Authorization (the client\'s token would replace it); remove one',
    ],
    [
      'forwardClientToken not boolean',
      withTarget({ ...URL_TARGET, forwardClientToken: 'yes' }),
      'mcpServers.a.forwardClientToken: expected true or false',
    ],
    // stdio
    [
      'empty command',
      withTarget({ command: '' }),
      'mcpServers.a.command: expected a command, e.g. "node"',
    ],
    [
      'command not a string',
      withTarget({ command: ['node'] }),
      'mcpServers.a.command: expected a command',
    ],
    [
      'args not a list',
      withTarget({ command: 'node', args: 'server.js' }),
      'mcpServers.a.args: expected a list of strings',
    ],
    [
      'arg not a string',
      withTarget({ command: 'node', args: ['x', 1] }),
      'mcpServers.a.args[1]: expected a string',
    ],
    [
      'env is a list',
      withTarget({ command: 'node', env: ['A=1'] }),
      'mcpServers.a.env: expected an object of variable name → string',
    ],
    [
      'env value a number',
      withTarget({ command: 'node', env: { PORT: 1 } }),
      'mcpServers.a.env.PORT: expected a string',
    ],
    [
      'env name with =',
      withTarget({ command: 'node', env: { 'A=B': 'x' } }),
      'mcpServers.a.env["A=B"]: expected an environment variable name without "="',
    ],
    [
      'empty cwd',
      withTarget({ command: 'node', cwd: '' }),
      'mcpServers.a.cwd: expected a directory path',
    ],
    // Per-target options
    [
      'timeoutMs 0',
      withTarget({ ...URL_TARGET, timeoutMs: 0 }),
      `mcpServers.a.timeoutMs: ${delay}`,
    ],
    [
      'timeoutMs fractional',
      withTarget({ ...URL_TARGET, timeoutMs: 1.5 }),
      `mcpServers.a.timeoutMs: ${delay}`,
    ],
    [
      'timeoutMs too large',
      withTarget({ ...URL_TARGET, timeoutMs: 2 ** 31 }),
      `mcpServers.a.timeoutMs: ${delay}`,
    ],
    [
      'timeoutMs a string',
      withTarget({ ...URL_TARGET, timeoutMs: '100' }),
      `mcpServers.a.timeoutMs: ${delay}`,
    ],
    [
      'tools not an object',
      withTarget({ ...URL_TARGET, tools: ['x'] }),
      'mcpServers.a.tools: expected an object {"allow": [glob…], "deny": [glob…]}',
    ],
    [
      'empty allow list',
      withTarget({ ...URL_TARGET, tools: { allow: [] } }),
      'mcpServers.a.tools.allow: expected a non-empty list of glob patterns; leave "allow" out to expose every tool',
    ],
    [
      'deny not a list',
      withTarget({ ...URL_TARGET, tools: { deny: 'x' } }),
      'mcpServers.a.tools.deny: expected a list of glob patterns',
    ],
    [
      'glob with a space',
      withTarget({ ...URL_TARGET, tools: { deny: ['a b'] } }),
      'mcpServers.a.tools.deny[0]: expected a glob pattern such as "search_*" (no spaces, not empty)',
    ],
    [
      'empty glob',
      withTarget({ ...URL_TARGET, tools: { allow: [''] } }),
      'mcpServers.a.tools.allow[0]: expected a glob pattern such as "search_*" (no spaces, not empty)',
    ],
    [
      'disabled not boolean',
      withTarget({ ...URL_TARGET, disabled: 'yes' }),
      'mcpServers.a.disabled: expected true or false',
    ],
    // ${VAR}
    [
      'unset variable',
      {
        mcpServers: {
          weather: { ...URL_TARGET, headers: { Authorization: 'Bearer ${WEATHER_TOKEN}' } },
        },
      },
      'mcpServers.weather.headers.Authorization: environment variable WEATHER_TOKEN is not set; set it, or write ${WEATHER_TOKEN:-default} for a fallback',
    ],
    [
      'unset variable in url',
      withTarget({ url: 'https://${API_HOST}/mcp' }),
      'mcpServers.a.url: environment variable API_HOST is not set; set it, or write ${API_HOST:-default} for a fallback',
    ],
    [
      'unset variable in args',
      withTarget({ command: 'node', args: ['ok', '${ROOT}'] }),
      'mcpServers.a.args[1]: environment variable ROOT is not set; set it, or write ${ROOT:-default} for a fallback',
    ],
    [
      'unset variable in env',
      withTarget({ command: 'node', env: { ROOT: '${HOME}/data' } }),
      'mcpServers.a.env.ROOT: environment variable HOME is not set; set it, or write ${HOME:-default} for a fallback',
    ],
    [
      'unset variable in cwd',
      withTarget({ command: 'node', cwd: '${DIR}' }),
      'mcpServers.a.cwd: environment variable DIR is not set; set it, or write ${DIR:-default} for a fallback',
    ],
    [
      'bad variable name',
      withTarget({ command: '${1X}' }),
      'mcpServers.a.command: "${1X}" is not a valid variable reference; expected ${NAME} or ${NAME:-default} with NAME of letters, digits and "_" (not starting with a digit), or $${ for a literal "${"',
    ],
    [
      'empty reference',
      withTarget({ command: '${}' }),
      'mcpServers.a.command: "${}" is not a valid variable reference; expected ${NAME} or ${NAME:-default} with NAME of letters, digits and "_" (not starting with a digit), or $${ for a literal "${"',
    ],
    [
      'unclosed ${',
      withTarget({ command: 'node', args: ['${X'] }),
      'mcpServers.a.args[0]: unclosed "${"; write ${VAR} or ${VAR:-default}, or $${ for a literal "${"',
    ],
    [
      'command empty after expansion',
      withTarget({ command: '${CMD:-}' }),
      'mcpServers.a.command: is empty after ${VAR} expansion; expected a command',
    ],
    // The gateway section
    ['gateway not an object', withTarget(URL_TARGET, 'x'), 'gateway: expected an object'],
    [
      'empty host',
      withTarget(URL_TARGET, { host: '' }),
      'gateway.host: expected a host name or IP address, e.g. "0.0.0.0"',
    ],
    [
      'port out of range',
      withTarget(URL_TARGET, { port: 70000 }),
      'gateway.port: expected an integer port, 0-65535',
    ],
    [
      'port a string',
      withTarget(URL_TARGET, { port: '8000' }),
      'gateway.port: expected an integer port, 0-65535',
    ],
    [
      'path without /',
      withTarget(URL_TARGET, { path: 'mcp' }),
      'gateway.path: expected a path starting with "/", e.g. "/mcp"',
    ],
    [
      'unknown mode',
      withTarget(URL_TARGET, { mode: 'sticky' }),
      'gateway.mode: expected "stateless" or "stateful"',
    ],
    [
      'unknown toolNamePrefix',
      withTarget(URL_TARGET, { toolNamePrefix: 'sometimes' }),
      'gateway.toolNamePrefix: expected "always", "on-collision" or "never"',
    ],
    [
      'failureThreshold 0',
      withTarget(URL_TARGET, { healthCheck: { failureThreshold: 0 } }),
      'gateway.healthCheck.failureThreshold: expected an integer of at least 1',
    ],
    [
      'intervalMs negative',
      withTarget(URL_TARGET, { healthCheck: { intervalMs: -1 } }),
      `gateway.healthCheck.intervalMs: ${delay}`,
    ],
    [
      'refreshIntervalMs negative',
      withTarget(URL_TARGET, { discovery: { refreshIntervalMs: -1 } }),
      'gateway.discovery.refreshIntervalMs: expected an integer number of milliseconds, 0 (off) to 2147483647',
    ],
    [
      'startupWaitMs fractional',
      withTarget(URL_TARGET, { discovery: { startupWaitMs: 1.5 } }),
      'gateway.discovery.startupWaitMs: expected an integer number of milliseconds, 0 (do not wait) to 2147483647',
    ],
    [
      'busyWhileStarting a string',
      withTarget(URL_TARGET, { discovery: { busyWhileStarting: 'yes' } }),
      'gateway.discovery.busyWhileStarting: expected true or false',
    ],
    [
      'hideUnhealthy a string',
      withTarget(URL_TARGET, { discovery: { hideUnhealthy: 'no' } }),
      'gateway.discovery.hideUnhealthy: expected true or false',
    ],
    // Inbound auth, checked by core's parseAuthorizerConfig
    [
      'auth a string',
      withTarget(URL_TARGET, { auth: 'x' }),
      'gateway.auth: expected an object {"customJWTAuthorizer": {…}}',
    ],
    [
      'auth without the wrapper',
      withTarget(URL_TARGET, { auth: {} }),
      'gateway.auth.customJWTAuthorizer: missing; expected the AgentCore customJWTAuthorizer object {"discoveryUrl": …}',
    ],
    [
      'auth: bad discoveryUrl',
      auth({ discoveryUrl: 'https://x.example.com' }),
      'gateway.auth.customJWTAuthorizer.discoveryUrl: expected an http(s) URL ending in /.well-known/openid-configuration',
    ],
    [
      'auth: empty allowedClients',
      auth({ discoveryUrl: DISCOVERY_URL, allowedClients: [] }),
      'gateway.auth.customJWTAuthorizer.allowedClients: expected a non-empty list of strings',
    ],
    [
      'auth: unknown key',
      auth({ discoveryUrl: DISCOVERY_URL, allowedClient: ['c'] }),
      'gateway.auth.customJWTAuthorizer.allowedClient: unknown key; expected only discoveryUrl, allowedClients, allowedAudience, allowedScopes, customClaims',
    ],
    [
      'auth: bad claim rule',
      auth({
        discoveryUrl: DISCOVERY_URL,
        customClaims: [
          {
            inboundTokenClaimName: 'dept',
            inboundTokenClaimValueType: 'STRING',
            authorizingClaimMatchValue: {
              claimMatchValue: { matchValueString: 'x' },
              claimMatchOperator: 'CONTAINS',
            },
          },
        ],
      }),
      'gateway.auth.customJWTAuthorizer.customClaims[0].authorizingClaimMatchValue.claimMatchOperator: CONTAINS needs inboundTokenClaimValueType STRING_ARRAY; use EQUALS for STRING',
    ],
    // JSON strings
    [
      'JSON with a bad token',
      '{"mcpServers": {"a": {"url": xyz}}}',
      "line 1, column 30: not valid JSON (unexpected token 'x'); comments and trailing commas are not allowed",
    ],
    [
      'JSON with a trailing comma',
      '{\n  "mcpServers": {},\n}',
      'line 3, column 1: not valid JSON (expected double-quoted property name); comments and trailing commas are not allowed',
    ],
    [
      'JSON with a comment',
      '{\n  // targets\n  "mcpServers": {}\n}',
      "line 2, column 3: not valid JSON (expected property name or '}'); comments and trailing commas are not allowed",
    ],
    [
      'truncated JSON',
      '{"mcpServers": {"a": ',
      'line 1, column 22: not valid JSON (unexpected end of input); comments and trailing commas are not allowed',
    ],
    ['empty string', '  ', 'empty; expected a JSON object with "mcpServers"'],
  ])('%s', (_label, input, problem) => {
    const error = catchConfigError(() => parseGatewayConfig(input, NO_ENV));
    expect(error.message).toBe(`Invalid gateway config: ${problem}`);
    expect(error.message).not.toMatch(/[\r\n]/);
  });

  it('keeps the JSON parser error as the cause', () => {
    const error = catchConfigError(() => parseGatewayConfig('{', NO_ENV));
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it("keeps core's authorizer error as the cause", () => {
    const error = catchConfigError(() =>
      parseGatewayConfig(
        withTarget(URL_TARGET, { auth: { customJWTAuthorizer: { discoveryUrl: 'x' } } }),
        NO_ENV,
      ),
    );
    expect((error.cause as Error).message).toMatch(/^Invalid authorizer config: /);
  });
});

describe('parseGatewayConfig: secrets never reach an error message', () => {
  const SECRET = 'sk-live-SECRET-4f1c9a';
  const env = { SECRET, NEWLINE_SECRET: `${SECRET}\r\nX-Injected: 1` };

  it.each<[string, unknown]>([
    ['a URL that is not http(s) once expanded', withTarget({ url: 'ftp://${SECRET}@x/mcp' })],
    ['a URL that does not parse once expanded', withTarget({ url: '${SECRET} https://x/mcp' })],
    [
      'a header value with a line break once expanded',
      withTarget({ ...URL_TARGET, headers: { Authorization: 'Bearer ${NEWLINE_SECRET}' } }),
    ],
    [
      'an error in a later key',
      withTarget({
        url: 'https://x/${SECRET}',
        headers: { Authorization: '${SECRET}', 'X-Other': '${UNSET}' },
      }),
    ],
    [
      'an error after the secret in args',
      withTarget({ command: '${SECRET}', args: ['${SECRET}', '${UNSET}'] }),
    ],
    [
      'an error in the gateway section',
      {
        mcpServers: { a: { ...URL_TARGET, headers: { Authorization: '${SECRET}' } } },
        gateway: { port: -1 },
      },
    ],
    [
      'a duplicate prefix',
      {
        mcpServers: {
          a: { url: 'https://x/${SECRET}' },
          b: { url: 'https://x/${SECRET}', prefix: 'a' },
        },
      },
    ],
  ])('%s', (_label, input) => {
    const error = catchConfigError(() => parseGatewayConfig(input, { env }));
    expect(error.message).not.toContain(SECRET);
    expect(error.message).not.toContain('sk-live');
  });

  it('does not show a secret written inline in invalid JSON', () => {
    const error = catchConfigError(() =>
      parseGatewayConfig(
        `{"mcpServers": {"a": {"headers": {"Authorization": "Bearer ${SECRET}"}, x}}}`,
        NO_ENV,
      ),
    );
    expect(error.message).toMatch(/^Invalid gateway config: line 1, column \d+: not valid JSON/);
    expect(error.message).not.toContain(SECRET);
  });
});

describe('parseGatewayConfig: outbound OAuth client credentials', () => {
  const oauth = {
    tokenUrl: 'https://auth.example.com/oauth2/token',
    clientId: 'gateway',
    clientSecret: '${SECRET}',
  };

  it('resolves the oauth section with defaults and expands the secret', () => {
    const config = parseGatewayConfig(withTarget({ ...URL_TARGET, oauth }), {
      env: { SECRET: 's3cr3t' },
    });
    const [target] = config.targets;
    expect(target?.kind === 'http' && target.oauth).toEqual({
      ...oauth,
      clientSecret: 's3cr3t',
      scopes: [],
      authMethod: 'client_secret_basic',
    });
  });

  it('rejects oauth together with forwardClientToken', () => {
    const error = catchConfigError(() =>
      parseGatewayConfig(withTarget({ ...URL_TARGET, oauth, forwardClientToken: true }), {
        env: { SECRET: 'x' },
      }),
    );
    expect(error.message).toContain('mcpServers.a.oauth');
    expect(error.message).toContain('"forwardClientToken": true');
  });

  it('rejects oauth on a stdio target, saying where credentials go instead', () => {
    const error = catchConfigError(() =>
      parseGatewayConfig(withTarget({ command: 'node', oauth }), NO_ENV),
    );
    expect(error.message).toContain('pass credentials to a child process in "env"');
  });

  it('rejects a token URL that is not http(s)', () => {
    const error = catchConfigError(() =>
      parseGatewayConfig(
        withTarget({ ...URL_TARGET, oauth: { ...oauth, tokenUrl: 'ftp://x/token' } }),
        { env: { SECRET: 'x' } },
      ),
    );
    expect(error.message).toContain('mcpServers.a.oauth.tokenUrl');
  });
});
