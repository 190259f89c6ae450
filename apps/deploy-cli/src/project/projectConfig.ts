import type { JwtAuthorizerConfig } from '@agentcore-mcp/core';

/** The project file `configure` writes and the other commands read (no secrets in it). */
export const PROJECT_CONFIG_FILE = '.agentcore-mcp.yaml';

/** What `launch` recorded about the deployed runtime. */
export interface DeploymentState {
  readonly account: string;
  readonly runtimeId: string;
  readonly runtimeArn: string;
  readonly runtimeVersion?: string | undefined;
  readonly executionRoleArn: string;
  readonly ecrRepositoryUri: string;
  readonly imageUri: string;
  readonly codeBuildProject?: string | undefined;
  readonly sourceBucket?: string | undefined;
  /** ISO time of the last successful launch. */
  readonly launchedAt: string;
}

/** One configured runtime, the equivalent of an agent in `.bedrock_agentcore.yaml`. */
export interface RuntimeProject {
  /** The runtime name (`^[a-zA-Z][a-zA-Z0-9_]{0,47}$`). */
  readonly name: string;
  /** The app directory (with its package.json), relative to the project root, e.g. `.`. */
  readonly entrypoint: string;
  /** Its Dockerfile, relative to the project root (the build context). */
  readonly dockerfile: string;
  /** Always `MCP` for this toolkit. */
  readonly protocol: 'MCP';
  readonly region: string;
  /** The inbound JWT authorizer in the API's shape; absent: the runtime uses IAM (SigV4). */
  readonly authorizer?: { readonly customJWTAuthorizer: JwtAuthorizerConfig } | undefined;
  /** Headers passed through to the container (`requestHeaderConfiguration`). */
  readonly requestHeaderAllowlist?: readonly string[] | undefined;
  /** Environment variables of the container. Not for secrets: they are stored in plain text. */
  readonly environment?: Readonly<Record<string, string>> | undefined;
  /** Session lifecycle in seconds (60–28800). */
  readonly lifecycle?: {
    readonly idleRuntimeSessionTimeout?: number | undefined;
    readonly maxLifetime?: number | undefined;
  };
  /** Build the image with OpenTelemetry (ADOT) auto-instrumentation. Default false. */
  readonly observability?: boolean | undefined;
  /**
   * The AgentCore Identity OAuth2 credential providers the server's code takes tokens from for
   * its outbound calls (`configure --outbound-oauth-provider`): `launch` checks they exist and lets
   * the execution role get their tokens and read their client secrets. Default: none.
   */
  readonly outboundOauthProviders?: readonly string[] | undefined;
  /** Filled in by `launch`. */
  readonly deployment?: DeploymentState | undefined;
}

/** The whole project file. */
export interface ProjectConfig {
  readonly version: 1;
  /** The runtime the commands use when `--name` is not given. */
  readonly default: string;
  readonly runtimes: Readonly<Record<string, RuntimeProject>>;
}
