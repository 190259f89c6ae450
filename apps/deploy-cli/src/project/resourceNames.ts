import { createHash } from 'node:crypto';

/** The AWS resources `launch` creates or reuses for one runtime, named from the runtime name. */
export interface DeployResourceNames {
  /** ECR repository, e.g. `agentcore-mcp/example_server`. */
  readonly ecrRepository: string;
  /** IAM execution role the runtime assumes, e.g. `AgentCoreMcpRuntime-example_server-1a2b3c4d`. */
  readonly executionRole: string;
  /** Inline policy of the execution role. */
  readonly executionPolicy: string;
  /** IAM role CodeBuild assumes to build and push the image. */
  readonly codeBuildRole: string;
  /** CodeBuild project, e.g. `agentcore-mcp-example_server-builder`. */
  readonly codeBuildProject: string;
  /** S3 bucket for build sources (one per account and region, objects expire after 7 days). */
  readonly sourceBucket: string;
  /** S3 key of this runtime's source archive. */
  readonly sourceKey: string;
}

/** How much of the runtime name goes into role names (IAM allows 64 characters in all). */
const ROLE_NAME_PART = 30;

/**
 * Names every resource of one deployment. Deterministic, so `launch` finds what an earlier run
 * created and `destroy` knows what to delete.
 *
 * @param runtimeName - The runtime name (`^[a-zA-Z][a-zA-Z0-9_]{0,47}$`).
 * @param account - The 12-digit AWS account id.
 * @param region - The AWS region.
 * @returns The names.
 * @example
 * ```ts
 * deployResourceNames('example_server', '123456789012', 'us-east-1').ecrRepository; // 'agentcore-mcp/example_server'
 * ```
 */
export function deployResourceNames(
  runtimeName: string,
  account: string,
  region: string,
): DeployResourceNames {
  const lower = runtimeName.toLowerCase();
  return {
    ecrRepository: `agentcore-mcp/${lower}`,
    executionRole: roleName('AgentCoreMcpRuntime', runtimeName, region),
    executionPolicy: `AgentCoreMcpRuntimePolicy-${runtimeName}`,
    codeBuildRole: roleName('AgentCoreMcpBuild', runtimeName, region),
    codeBuildProject: `agentcore-mcp-${runtimeName}-builder`,
    sourceBucket: `agentcore-mcp-sources-${account}-${region}`,
    sourceKey: `${runtimeName}/source.zip`,
  };
}

/**
 * `<kind>-<runtime name, at most 30 characters>-<8 hex of sha256(region:name)>`: at most 59
 * characters, readable, and distinct per region (IAM is global; the same name may be deployed
 * to two regions).
 */
function roleName(kind: string, runtimeName: string, region: string): string {
  const digest = createHash('sha256').update(`${region}:${runtimeName}`).digest('hex').slice(0, 8);
  return `${kind}-${runtimeName.slice(0, ROLE_NAME_PART)}-${digest}`;
}

/**
 * The CloudWatch Logs group AgentCore writes a runtime's container output to.
 *
 * @param runtimeId - The runtime id (the last part of its ARN).
 * @param endpointName - The endpoint (qualifier). Default `DEFAULT`.
 */
export function runtimeLogGroup(runtimeId: string, endpointName = 'DEFAULT'): string {
  return `/aws/bedrock-agentcore/runtimes/${runtimeId}-${endpointName}`;
}
