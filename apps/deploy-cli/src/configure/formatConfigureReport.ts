import type { RuntimeProject } from '../project/projectConfig.js';

/** What `configure` did, beyond the runtime it wrote. */
export interface ConfigureReportDetails {
  /** The project file written. */
  readonly path: string;
  /** The project's default runtime after the write. */
  readonly defaultRuntime: string;
  /** Where the name came from when `--name` was not given. */
  readonly nameSource?: 'package.json' | 'directory' | undefined;
  /** An authorizer file in the project root that was not used (no `--authorizer-config`). */
  readonly unusedAuthorizerFile?: string | undefined;
  /** The file `-e` named, when it named a file rather than the app directory. */
  readonly appFile?: string | undefined;
}

/**
 * The lines `configure` prints: what it wrote (never a secret: environment variables by name
 * only) and the next command.
 *
 * @param runtime - The runtime written.
 * @param details - The file, the default runtime and hints.
 * @returns The lines, in order.
 * @example
 * ```ts
 * for (const line of formatConfigureReport(runtime, details)) output.result(line);
 * ```
 */
export function formatConfigureReport(
  runtime: RuntimeProject,
  details: ConfigureReportDetails,
): string[] {
  const isDefault = details.defaultRuntime === runtime.name;
  const nameNote =
    details.nameSource === undefined
      ? ''
      : ` (from the app's ${details.nameSource === 'package.json' ? 'package.json name' : 'directory name'}; --name to change)`;
  const lines = [
    `Wrote runtime ${runtime.name}${nameNote} to ${details.path}${isDefault ? ' (default runtime)' : ''}`,
    `  app: ${runtime.entrypoint}${details.appFile === undefined ? '' : ` (the package.json directory of ${details.appFile})`}, Dockerfile: ${runtime.dockerfile}`,
    `  protocol: ${runtime.protocol}, region: ${runtime.region}`,
    ...formatAuth(runtime, details.unusedAuthorizerFile),
  ];
  if (runtime.requestHeaderAllowlist !== undefined) {
    lines.push(`  request headers forwarded: ${runtime.requestHeaderAllowlist.join(', ')}`);
  }
  if (runtime.environment !== undefined) {
    lines.push(`  environment (plain text): ${Object.keys(runtime.environment).join(', ')}`);
  }
  if (runtime.lifecycle !== undefined) {
    const { idleRuntimeSessionTimeout: idle, maxLifetime: max } = runtime.lifecycle;
    lines.push(`  sessions: idle timeout ${idle ?? 900} s, max lifetime ${max ?? 28_800} s`);
  }
  lines.push(`  observability (ADOT): ${runtime.observability === true ? 'on' : 'off'}`);
  if (runtime.outboundOauthProviders !== undefined) {
    lines.push(
      `  outbound OAuth2 credential providers: ${runtime.outboundOauthProviders.join(', ')} (launch lets the execution role take their tokens)`,
    );
  }
  if (runtime.deployment !== undefined) {
    lines.push(`  deployment kept: ${runtime.deployment.runtimeArn}`);
  }
  lines.push(`Next: agentcore-mcp launch${isDefault ? '' : ` --name ${runtime.name}`}`);
  return lines;
}

function formatAuth(runtime: RuntimeProject, unusedFile: string | undefined): string[] {
  const jwt = runtime.authorizer?.customJWTAuthorizer;
  if (jwt === undefined) {
    const hint =
      unusedFile === undefined ? '' : `; for JWT auth pass --authorizer-config ${unusedFile}`;
    return [
      `  auth: IAM (SigV4), no --authorizer-config: callers sign requests with AWS credentials (agentcore-mcp invoke --sigv4)${hint}`,
    ];
  }
  const allowed = [
    jwt.allowedClients && `clients ${jwt.allowedClients.join(', ')}`,
    jwt.allowedAudience && `audience ${jwt.allowedAudience.join(', ')}`,
    jwt.allowedScopes && `scopes ${jwt.allowedScopes.join(', ')}`,
  ].filter((part): part is string => typeof part === 'string');
  return [
    `  auth: JWT (customJWTAuthorizer) from ${jwt.discoveryUrl}${allowed.length > 0 ? `, allowed ${allowed.join('; ')}` : ''}`,
  ];
}
