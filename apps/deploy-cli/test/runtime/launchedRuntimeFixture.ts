import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ProjectConfig, RuntimeProject } from '../../src/project/projectConfig.js';
import { writeProjectConfig } from '../../src/project/projectConfigFile.js';
import { deployResourceNames } from '../../src/project/resourceNames.js';
import { launchAndRecord } from '../../src/runtime/launchAndRecord.js';
import type { TestContext } from '../testContext.js';

/** The account, region and runtime of the seeded deployment. */
export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';
export const RUNTIME_NAME = 'example_server';
export const RUNTIME_ID = 'example_server-AbCdEf1234';
export const RUNTIME_ARN = `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:runtime/${RUNTIME_ID}`;
/** The names `launch` gives the resources of {@link RUNTIME_NAME}. */
export const NAMES = deployResourceNames(RUNTIME_NAME, ACCOUNT, REGION);
export const ECR_URI = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/${NAMES.ecrRepository}`;
/** The JWT authorizer of {@link configuredProject}'s runtime. */
export const AUTHORIZER = {
  customJWTAuthorizer: {
    discoveryUrl:
      'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Pool/.well-known/openid-configuration',
    allowedClients: ['client123'],
  },
};

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

/** A Dockerfile with the default stage and the `observability` stage. */
export const DOCKERFILE_WITH_OBSERVABILITY =
  'FROM node:24-slim AS runner\nCMD ["node", "dist/main.js"]\nFROM runner AS observability\nFROM runner\n';

/**
 * A project directory holding a tiny app at `apps/example-server` (package.json, a Dockerfile
 * with only the default stage) and files the build context must leave out, with `runtime`
 * configured (never launched) in `.agentcore-mcp.yaml`.
 *
 * @param cwd - The project root (an empty directory).
 * @param overrides - Changes to the configured runtime.
 * @returns The project and the runtime.
 */
export function configuredProject(
  cwd: string,
  overrides: Partial<RuntimeProject> = {},
): { project: ProjectConfig; runtime: RuntimeProject } {
  mkdirSync(join(cwd, 'apps/example-server'), { recursive: true });
  writeFileSync(join(cwd, 'apps/example-server/Dockerfile'), 'FROM node:20-slim\n');
  writeFileSync(join(cwd, 'apps/example-server/package.json'), '{"name":"example-server"}\n');
  writeFileSync(join(cwd, 'package.json'), '{"name":"demo"}\n');
  mkdirSync(join(cwd, 'node_modules/big'), { recursive: true });
  writeFileSync(join(cwd, 'node_modules/big/index.js'), 'never uploaded');
  writeFileSync(join(cwd, '.env'), 'SECRET=never uploaded');
  const runtime: RuntimeProject = {
    name: RUNTIME_NAME,
    entrypoint: 'apps/example-server',
    dockerfile: 'apps/example-server/Dockerfile',
    protocol: 'MCP',
    region: REGION,
    authorizer: AUTHORIZER,
    requestHeaderAllowlist: ['Authorization'],
    ...overrides,
  };
  return { project: seedProject(cwd, runtime), runtime };
}

/** How {@link launchConfigured} launches. */
export interface LaunchConfiguredOptions {
  /** `--local-build` instead of CodeBuild; default `false`. */
  readonly localBuild?: boolean;
  /** An observability runtime, with a Dockerfile that has the `observability` stage; default `false`. */
  readonly observability?: boolean;
  /** `--enable-transaction-search`; default `false`. */
  readonly enableTransactionSearch?: boolean;
}

/**
 * Configures a runtime in the context's project directory (`configuredProject`) and launches it
 * with `launchAndRecord` (`--json`), as `launch` does.
 *
 * @param context - The command context (its `dryRun` decides whether anything is sent).
 * @param overrides - Changes to the configured runtime.
 * @param options - See {@link LaunchConfiguredOptions}.
 * @returns The AWS requests the launch sent, or planned in a dry run.
 */
export async function launchConfigured(
  context: TestContext,
  overrides: Partial<RuntimeProject> = {},
  options: LaunchConfiguredOptions = {},
): Promise<TestContext['aws']['requests']> {
  const observability = options.observability === true;
  const { project, runtime } = configuredProject(context.cwd, {
    ...overrides,
    ...(observability ? { observability: true } : {}),
  });
  if (observability) {
    writeFileSync(join(context.cwd, runtime.dockerfile), DOCKERFILE_WITH_OBSERVABILITY);
  }
  await launchAndRecord(context, {
    project,
    runtime,
    localBuild: options.localBuild ?? false,
    json: true,
    transactionSearch: { enable: options.enableTransactionSearch ?? false },
  });
  return context.aws.requests;
}
