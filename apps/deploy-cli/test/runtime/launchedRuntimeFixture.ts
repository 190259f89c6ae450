import type { ProjectConfig, RuntimeProject } from '../../src/project/projectConfig.js';
import { writeProjectConfig } from '../../src/project/projectConfigFile.js';
import { deployResourceNames } from '../../src/project/resourceNames.js';

/** The account, region and runtime of the seeded deployment. */
export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';
export const RUNTIME_NAME = 'example_server';
export const RUNTIME_ID = 'example_server-AbCdEf1234';
export const RUNTIME_ARN = `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:runtime/${RUNTIME_ID}`;
/** The names `launch` gives the resources of {@link RUNTIME_NAME}. */
export const NAMES = deployResourceNames(RUNTIME_NAME, ACCOUNT, REGION);
export const ECR_URI = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/${NAMES.ecrRepository}`;

/** A configured runtime; `deployment` is what `launch` records unless overridden. */
export function launchedRuntime(overrides: Partial<RuntimeProject> = {}): RuntimeProject {
  return {
    name: RUNTIME_NAME,
    entrypoint: 'apps/example-server',
    dockerfile: 'apps/example-server/Dockerfile',
    protocol: 'MCP',
    region: REGION,
    deployment: {
      account: ACCOUNT,
      runtimeId: RUNTIME_ID,
      runtimeArn: RUNTIME_ARN,
      runtimeVersion: '3',
      executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/${NAMES.executionRole}`,
      ecrRepositoryUri: ECR_URI,
      imageUri: `${ECR_URI}:20261125-110000`,
      codeBuildProject: NAMES.codeBuildProject,
      sourceBucket: NAMES.sourceBucket,
      launchedAt: '2026-11-25T11:00:00.000Z',
    },
    ...overrides,
  };
}

/** Writes `.agentcore-mcp.yaml` with `runtime` as the default and returns the project. */
export function seedProject(
  cwd: string,
  runtime: RuntimeProject = launchedRuntime(),
): ProjectConfig {
  const project: ProjectConfig = {
    version: 1,
    default: runtime.name,
    runtimes: { [runtime.name]: runtime },
  };
  writeProjectConfig(cwd, project);
  return project;
}
