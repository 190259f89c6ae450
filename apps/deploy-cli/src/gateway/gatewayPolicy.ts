import {
  type OutboundOauthProvider,
  type PolicyDocument,
  type PolicyScope,
  type PolicyStatement,
  runtimeTrustPolicy,
} from '../iam/iamPolicies.js';

/**
 * Who may assume the gateway's execution role: the same shape as the runtime role's trust
 * (`bedrock-agentcore.amazonaws.com`, only for this account's resources in this region, through
 * `aws:SourceAccount` and `aws:SourceArn`), with its own statement id.
 *
 * @param scope - Account, region, partition.
 * @returns The trust policy document.
 * @example
 * ```ts
 * gatewayTrustPolicy({ account: '123456789012', region: 'us-east-1' });
 * ```
 */
export function gatewayTrustPolicy(scope: PolicyScope): PolicyDocument {
  const trust = runtimeTrustPolicy(scope);
  return {
    ...trust,
    Statement: trust.Statement.map((statement) => ({
      ...statement,
      Sid: 'AgentCoreGatewayAssumesThisRole',
    })),
  };
}

/** What the gateway's targets need its execution role to allow. */
export interface GatewayTargetAccess {
  /** The ARNs of the runtimes it calls with SigV4 (`--target-auth iam`). */
  readonly invokeRuntimes: readonly string[];
  /**
   * The OAuth2 credential providers its `oauth` targets take tokens from (runtime targets, and
   * `--target-credential <target>=oauth:…`).
   */
  readonly oauthProviders: readonly OutboundOauthProvider[];
  /** The API key credential providers of `--target-credential <target>=api-key:…`. */
  readonly apiKeyProviders: readonly OutboundOauthProvider[];
}

/** No targets with credentials: the role needs nothing for its targets. */
export const NO_TARGET_ACCESS: GatewayTargetAccess = {
  invokeRuntimes: [],
  oauthProviders: [],
  apiKeyProviders: [],
};

/**
 * Whether runtime targets need anything from the role.
 *
 * @param access - What the targets need.
 * @returns `true` when there is at least one runtime or provider.
 * @example
 * ```ts
 * needsTargetAccess(NO_TARGET_ACCESS); // false
 * ```
 */
export function needsTargetAccess(access: GatewayTargetAccess): boolean {
  return (
    access.invokeRuntimes.length > 0 ||
    access.oauthProviders.length > 0 ||
    access.apiKeyProviders.length > 0
  );
}

/**
 * What the gateway needs for its `mcpServer` targets, and no more. It calls a public MCP server
 * over HTTPS itself, which needs no AWS permission. The first statement lets it get a workload
 * access token for its own workload identity (`<gateway name>-*` in the default directory), the
 * first step of every outbound call through AgentCore Identity; it grants no credential by itself.
 * Runtime targets add {@link gatewayTargetStatements}. No Lambda, S3 or Bedrock.
 *
 * @param scope - Account, region, partition.
 * @param gatewayName - The managed gateway's name.
 * @param access - What its runtime targets need. Default: nothing.
 * @returns The policy document.
 * @example
 * ```ts
 * gatewayExecutionPolicy(scope, 'tools', { invokeRuntimes: [runtimeArn], oauthProviders: [] });
 * ```
 */
export function gatewayExecutionPolicy(
  scope: PolicyScope,
  gatewayName: string,
  access: GatewayTargetAccess = NO_TARGET_ACCESS,
): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      workloadTokenStatement(scope, gatewayName),
      ...gatewayTargetStatements(scope, gatewayName, access),
    ],
  };
}

/**
 * The statements targets with credentials add to the gateway's policy:
 * `bedrock-agentcore:InvokeAgentRuntime` on each IAM runtime and its endpoints (`<arn>/*`); for
 * OAuth targets `bedrock-agentcore:GetResourceOauth2Token` on the token vault, the providers and
 * the gateway's workload identity, and `secretsmanager:GetSecretValue` on each provider's client
 * secret only; for API key targets the same with `bedrock-agentcore:GetResourceApiKey` and each
 * provider's key secret (the statements AWS's CDK constructs grant for these providers).
 *
 * @param scope - Account, region, partition.
 * @param gatewayName - The managed gateway's name.
 * @param access - What the runtime targets need.
 * @returns The statements (none without runtime targets).
 * @example
 * ```ts
 * gatewayTargetStatements(scope, 'tools', NO_TARGET_ACCESS); // []
 * ```
 */
export function gatewayTargetStatements(
  scope: PolicyScope,
  gatewayName: string,
  access: GatewayTargetAccess,
): PolicyStatement[] {
  const { directory, workloadIdentity } = identityArns(scope, gatewayName);
  const tokenVault = `${arnPrefix(scope)}:token-vault/default`;
  const statements: PolicyStatement[] = [];
  if (access.invokeRuntimes.length > 0) {
    statements.push({
      Sid: 'InvokeTheRuntimeTargets',
      Effect: 'Allow',
      Action: 'bedrock-agentcore:InvokeAgentRuntime',
      Resource: access.invokeRuntimes.flatMap((arn) => [arn, `${arn}/*`]),
    });
  }
  if (access.oauthProviders.length > 0) {
    statements.push(
      {
        Sid: 'GetTheTargetsOauthTokens',
        Effect: 'Allow',
        Action: 'bedrock-agentcore:GetResourceOauth2Token',
        Resource: [
          tokenVault,
          ...access.oauthProviders.map(
            ({ name, arn }) => arn ?? `${tokenVault}/oauth2credentialprovider/${name}`,
          ),
          directory,
          workloadIdentity,
        ],
      },
      {
        Sid: 'ReadTheTargetsOauthClientSecrets',
        Effect: 'Allow',
        Action: 'secretsmanager:GetSecretValue',
        Resource: access.oauthProviders.map(({ secretArn }) => secretArn),
      },
    );
  }
  if (access.apiKeyProviders.length > 0) {
    statements.push(
      {
        Sid: 'GetTheTargetsApiKeys',
        Effect: 'Allow',
        Action: 'bedrock-agentcore:GetResourceApiKey',
        Resource: [
          tokenVault,
          ...access.apiKeyProviders.map(
            ({ name, arn }) => arn ?? `${tokenVault}/apikeycredentialprovider/${name}`,
          ),
          directory,
          workloadIdentity,
        ],
      },
      {
        Sid: 'ReadTheTargetsApiKeySecrets',
        Effect: 'Allow',
        Action: 'secretsmanager:GetSecretValue',
        Resource: access.apiKeyProviders.map(({ secretArn }) => secretArn),
      },
    );
  }
  return statements;
}

/**
 * The one line `register-managed` prints for a role it does not manage (`--role-arn`, or the role
 * of a gateway it reuses), which it never changes: the permissions its targets with credentials
 * (runtimes, `--target-credential`) need.
 *
 * @param roleArn - The role.
 * @param input - The gateway's name and region, and what its targets need.
 * @returns The line, e.g. `The execution role … is not one register-managed created, so it was
 *   not changed; for its targets with credentials it needs: bedrock-agentcore:InvokeAgentRuntime
 *   on arn:…, arn:…/*`.
 * @example
 * ```ts
 * context.output.result(describeForeignRoleNeeds(roleArn, { gatewayName, region, access }));
 * ```
 */
export function describeForeignRoleNeeds(
  roleArn: string,
  input: { gatewayName: string; region: string; access: GatewayTargetAccess },
): string {
  const [, partition = 'aws', , , account = ''] = roleArn.split(':');
  const scope = { account, region: input.region, partition };
  const statements = [
    ...(input.access.oauthProviders.length > 0 || input.access.apiKeyProviders.length > 0
      ? [workloadTokenStatement(scope, input.gatewayName)]
      : []),
    ...gatewayTargetStatements(scope, input.gatewayName, input.access),
  ];
  const needs = statements
    .map(
      ({ Action, Resource }) => `${[Action].flat().join(', ')} on ${[Resource].flat().join(', ')}`,
    )
    .join('; ');
  return `The execution role ${roleArn} is not one register-managed created, so it was not changed; for its targets with credentials it needs: ${needs}`;
}

/**
 * The name of the gateway role's inline policy.
 *
 * @param gatewayName - The managed gateway's name.
 * @returns `AgentCoreMcpGatewayPolicy-<gateway name>`.
 * @example
 * ```ts
 * gatewayPolicyName('tools'); // 'AgentCoreMcpGatewayPolicy-tools'
 * ```
 */
export function gatewayPolicyName(gatewayName: string): string {
  return `AgentCoreMcpGatewayPolicy-${gatewayName}`;
}

function arnPrefix(scope: PolicyScope): string {
  return `arn:${scope.partition ?? 'aws'}:bedrock-agentcore:${scope.region}:${scope.account}`;
}

function identityArns(
  scope: PolicyScope,
  gatewayName: string,
): { directory: string; workloadIdentity: string } {
  const directory = `${arnPrefix(scope)}:workload-identity-directory/default`;
  return { directory, workloadIdentity: `${directory}/workload-identity/${gatewayName}-*` };
}

function workloadTokenStatement(scope: PolicyScope, gatewayName: string): PolicyStatement {
  const { directory, workloadIdentity } = identityArns(scope, gatewayName);
  return {
    Sid: 'GetTheGatewaysWorkloadAccessToken',
    Effect: 'Allow',
    Action: 'bedrock-agentcore:GetWorkloadAccessToken',
    Resource: [directory, workloadIdentity],
  };
}
