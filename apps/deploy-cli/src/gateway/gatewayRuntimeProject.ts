import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { parseGatewayConfig } from '@agentcore-mcp/gateway';

import { CliError } from '../errors.js';
import type { RuntimeProject } from '../project/projectConfig.js';

/** AgentCore limits one environment variable value to 5000 characters. */
const MAX_ENV_VALUE = 5_000;

/** What {@link gatewayRuntimeProject} needs. */
export interface GatewayRuntimeInput {
  /** The gateway configuration file (`gateway setup` writes one). */
  readonly configPath: string;
  /** The project root. */
  readonly cwd: string;
  /** The runtime name. */
  readonly name: string;
  /**
   * The gateway app and its Dockerfile, relative to the project root (the build context), as
   * `resolveGatewayApp` finds them.
   */
  readonly app: { readonly entrypoint: string; readonly dockerfile: string };
  readonly region: string;
  /** Build the ADOT-instrumented image. */
  readonly observability: boolean;
}

/**
 * Turns a gateway configuration into the runtime `launch` deploys: the gateway project's image, the
 * configuration passed whole in env `GATEWAY_CONFIG` (unexpanded: `${VAR}`s are resolved in the
 * container), and, when the gateway has inbound auth, the same customJWTAuthorizer on the runtime
 * plus `Authorization` in the header allowlist so the token reaches the gateway too.
 *
 * @param input - The configuration file, the project root, the runtime's name and region, the app
 *   and whether to build with observability.
 * @returns The runtime and warnings for the operator (stdio targets, `${VAR}`s to provide).
 * @throws {@link CliError} `ERR_INVALID_INPUT` for an unreadable or invalid configuration or one
 *   too long for an environment variable.
 * @example
 * ```ts
 * const { runtime } = gatewayRuntimeProject({
 *   configPath: 'gateway.json', cwd, name: 'mcp_gateway', region: 'us-east-1',
 *   app: { entrypoint: '.', dockerfile: 'Dockerfile' }, observability: false,
 * });
 * ```
 */
export function gatewayRuntimeProject(input: GatewayRuntimeInput): {
  runtime: RuntimeProject;
  warnings: string[];
} {
  const path = resolve(input.cwd, input.configPath);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(
      'ERR_INVALID_INPUT',
      `Cannot read the gateway configuration ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}): run agentcore-mcp gateway setup, or pass --config`,
      { cause: error },
    );
  }
  // Validate the structure now (variables are checked in the container, where they are set).
  const variables = [...text.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)(:-[^}]*)?\}/g)];
  const placeholderEnv = Object.fromEntries(
    variables.map(([, name]) => [name ?? '', 'placeholder']),
  );
  const config = parseGatewayConfig(text, { env: placeholderEnv });
  const compact = JSON.stringify(JSON.parse(text));
  if (compact.length > MAX_ENV_VALUE) {
    throw new CliError(
      'ERR_INVALID_INPUT',
      `The gateway configuration is ${compact.length} characters; AgentCore environment variables hold at most ${MAX_ENV_VALUE}: shorten it (fewer targets per gateway) or bake it into the image and set GATEWAY_CONFIG to its path`,
    );
  }
  const warnings: string[] = [];
  for (const target of config.targets) {
    if (target.kind === 'stdio') {
      warnings.push(
        `target "${target.name}" is a stdio command (${target.command}): it runs inside the gateway-service image, so the command must exist there`,
      );
    }
  }
  const required = [
    ...new Set(
      variables.filter(([, , fallback]) => fallback === undefined).map(([, name]) => name),
    ),
  ];
  if (required.length > 0) {
    warnings.push(
      `the configuration reads ${required.map((name) => `\${${name}}`).join(', ')}: set them in the runtime environment (configure --env for non-secrets; secrets belong in AgentCore Identity or Secrets Manager)`,
    );
  }
  const auth = config.gateway.auth;
  return {
    runtime: {
      name: input.name,
      entrypoint: input.app.entrypoint,
      dockerfile: input.app.dockerfile,
      protocol: 'MCP',
      region: input.region,
      ...(auth
        ? {
            authorizer: { customJWTAuthorizer: auth.jwt },
            requestHeaderAllowlist: ['Authorization'],
          }
        : {}),
      environment: { GATEWAY_CONFIG: compact },
      observability: input.observability,
    },
    warnings,
  };
}
