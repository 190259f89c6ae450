import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { AgentCoreMcpError } from '@agentcore-mcp/core';
import { GATEWAY_CONFIG_DEFAULTS } from '@agentcore-mcp/gateway';

/** The command the package installs (package.json `bin`). */
export const SERVICE_BIN = 'agentcore-mcp-gateway';

/** What `--help` and `--version` show about the installed package. */
export interface ServicePackage {
  /** The package name, e.g. `@agentcore-mcp/gateway-service`. */
  name: string;
  /** The package version, e.g. `0.1.0`. */
  version: string;
  /** Where its documentation lives; `undefined` when package.json has no `homepage`. */
  homepage: string | undefined;
}

/**
 * Whether the command line asks for `--help` (`-h`) or `--version` (`-V`) rather than a start.
 * Never throws: every other argument is left to `loadServiceConfig`, which reports bad ones; help
 * wins when both are given.
 *
 * @param argv - The arguments after the entry file (`process.argv.slice(2)`).
 * @returns `'help'`, `'version'`, or `undefined` to start the gateway.
 * @example
 * ```ts
 * readInfoRequest(['--help']); // 'help'
 * readInfoRequest(['--config', 'gateway.json']); // undefined
 * ```
 */
export function readInfoRequest(argv: readonly string[]): 'help' | 'version' | undefined {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      config: { type: 'string', short: 'c' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'V' },
    },
    strict: false,
    allowPositionals: true,
  });
  if (values.help === true) return 'help';
  return values.version === true ? 'version' : undefined;
}

/**
 * Reads the service's own package.json, which sits one directory above both `src/` and `dist/`
 * (in the repository, in an npm install and in the container bundle alike).
 *
 * @returns Its name, version and homepage.
 * @throws {@link AgentCoreMcpError} `ERR_INTERNAL` when package.json has no string `name` or
 *   `version` (a broken install).
 * @example
 * ```ts
 * process.stdout.write(`${readServicePackage().version}\n`);
 * ```
 */
export function readServicePackage(): ServicePackage {
  const text = readFileSync(new URL('../package.json', import.meta.url), 'utf8');
  const { name, version, homepage } = JSON.parse(text) as Record<string, unknown>;
  if (typeof name !== 'string' || typeof version !== 'string') {
    throw new AgentCoreMcpError(
      'ERR_INTERNAL',
      `package.json of ${SERVICE_BIN} has no name or version: reinstall the package`,
    );
  }
  return { name, version, homepage: typeof homepage === 'string' ? homepage : undefined };
}

/**
 * The `--help` text: usage, options, environment variables and the listen-address rule.
 *
 * @param info - The package, from {@link readServicePackage}.
 * @returns The text, ending with a newline.
 * @example
 * ```ts
 * process.stdout.write(formatServiceHelp(readServicePackage()));
 * ```
 */
export function formatServiceHelp(info: ServicePackage): string {
  const { host, authenticatedHost, port } = GATEWAY_CONFIG_DEFAULTS.gateway;
  return [
    `${SERVICE_BIN} ${info.version} (${info.name})`,
    'One MCP endpoint (POST /mcp) in front of the MCP servers of a gateway.json.',
    '',
    'Usage:',
    `  ${SERVICE_BIN} --config <gateway.json>`,
    `  GATEWAY_CONFIG=<file or inline JSON> ${SERVICE_BIN}`,
    '',
    'Options:',
    '  -c, --config <file>  the configuration: {"mcpServers": {…}, "gateway": {…}}',
    '  -h, --help           print this help',
    '  -V, --version        print the version',
    '',
    'Environment:',
    '  GATEWAY_CONFIG  the configuration when --config is not given: a file path, or inline JSON',
    '                  when the value starts with {',
    `  HOST            listen address, over gateway.host; default ${host} without`,
    `                  gateway.auth, ${authenticatedHost} with it`,
    `  PORT            listen port, over gateway.port; default ${port}; 0 picks a free port`,
    '  LOG_LEVEL       debug, info, warn or error; default info',
    '',
    'Without gateway.auth.customJWTAuthorizer anyone who can reach the port can call every tool of',
    `every target: keep it on ${host}, or add auth (\`agentcore-mcp setup-cognito\`, then`,
    '`agentcore-mcp gateway setup`). A non-loopback bind without auth logs a warning.',
    ...(info.homepage === undefined ? [] : ['', `Documentation: ${info.homepage}`]),
    '',
  ].join('\n');
}
