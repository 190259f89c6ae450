import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { CREDENTIALS_FILE, readCredentialsFile } from '../cognito/credentialsFile.js';
import { CliError } from '../errors.js';
import type { DeploymentState, RuntimeProject } from '../project/projectConfig.js';
import { deployResourceNames } from '../project/resourceNames.js';

/** Which optional resources `destroy` deletes besides the runtime. */
export interface DestroySelection {
  /** `--delete-ecr-repo`: the ECR repository and all its images. */
  readonly deleteEcrRepo?: boolean | undefined;
  /** `--delete-role`: the execution role and the CodeBuild role. */
  readonly deleteRole?: boolean | undefined;
  /** `--delete-codebuild`: the CodeBuild project and the uploaded source archive. */
  readonly deleteCodebuild?: boolean | undefined;
  /** `--delete-cognito`: the user pool in `.agentcore-mcp/cognito-credentials.json`. */
  readonly deleteCognito?: boolean | undefined;
}

/** An IAM role `destroy` deletes, with the inline policies it expects (shown by `--dry-run`). */
export interface PlannedRole {
  readonly name: string;
  readonly kind: 'execution' | 'CodeBuild';
  readonly expectedPolicies: readonly string[];
}

/** Exactly what one `destroy` run deletes. */
export interface DestroyPlan {
  readonly runtime: { readonly name: string; readonly id: string };
  readonly ecrRepository?: { readonly name: string; readonly registryId: string } | undefined;
  readonly roles: readonly PlannedRole[];
  /** Roles in the deployment that agentcore-mcp did not create: never deleted. */
  readonly foreignRoles: readonly string[];
  readonly codeBuild?:
    { readonly project: string; readonly bucket: string; readonly key: string } | undefined;
  readonly cognito?:
    | { readonly userPoolId: string; readonly region: string; readonly credentialsFile: string }
    | undefined;
}

/**
 * Works out what `destroy` deletes from the deployment `launch` recorded and the flags. Roles are
 * deleted only when they carry the names agentcore-mcp gives them.
 *
 * @param scope - The project root, the region, the runtime and its deployment.
 * @param selection - The `--delete-*` flags.
 * @returns The plan.
 * @throws {@link CliError} `ERR_NOT_CONFIGURED` when `--delete-cognito` finds no credentials
 *   file; `ERR_INVALID_INPUT` when that file points at a local Cognito.
 */
export function planDestroy(
  scope: { cwd: string; region: string; runtime: RuntimeProject; deployment: DeploymentState },
  selection: DestroySelection,
): DestroyPlan {
  const { runtime, deployment } = scope;
  const names = deployResourceNames(runtime.name, deployment.account, scope.region);
  const executionRole = deployment.executionRoleArn.split('/').at(-1) ?? '';
  const ownExecutionRole = executionRole === names.executionRole;
  const repository = deployment.ecrRepositoryUri.split('/').slice(1).join('/');
  return {
    runtime: { name: runtime.name, id: deployment.runtimeId },
    ecrRepository: selection.deleteEcrRepo
      ? { name: repository || names.ecrRepository, registryId: deployment.account }
      : undefined,
    roles: selection.deleteRole
      ? [
          ...(ownExecutionRole
            ? [
                {
                  name: executionRole,
                  kind: 'execution' as const,
                  expectedPolicies: [names.executionPolicy],
                },
              ]
            : []),
          {
            name: names.codeBuildRole,
            kind: 'CodeBuild' as const,
            expectedPolicies: [`${names.codeBuildProject}-policy`],
          },
        ]
      : [],
    foreignRoles: selection.deleteRole && !ownExecutionRole ? [executionRole] : [],
    codeBuild: selection.deleteCodebuild
      ? {
          project: deployment.codeBuildProject ?? names.codeBuildProject,
          bucket: deployment.sourceBucket ?? names.sourceBucket,
          key: names.sourceKey,
        }
      : undefined,
    cognito: selection.deleteCognito ? planCognito(scope.cwd) : undefined,
  };
}

/**
 * One line per resource the plan deletes, for the confirmation and `--yes`-less errors.
 *
 * @param plan - What {@link planDestroy} returned.
 * @returns e.g. `AgentCore runtime example_server (example_server-AbC123) and its endpoints`.
 */
export function describeDestroyPlan(plan: DestroyPlan): string[] {
  return [
    `AgentCore runtime ${plan.runtime.name} (${plan.runtime.id}) and its endpoints`,
    ...(plan.ecrRepository ? [`ECR repository ${plan.ecrRepository.name} and all its images`] : []),
    ...plan.roles.map((role) => `IAM role ${role.name} (${role.kind} role)`),
    ...(plan.codeBuild
      ? [
          `CodeBuild project ${plan.codeBuild.project}`,
          `S3 object s3://${plan.codeBuild.bucket}/${plan.codeBuild.key}`,
        ]
      : []),
    ...(plan.cognito
      ? [`Cognito user pool ${plan.cognito.userPoolId} (from ${CREDENTIALS_FILE})`]
      : []),
  ];
}

/**
 * What the plan leaves in place, with the flag that would delete it; empty when nothing.
 *
 * @param plan - What {@link planDestroy} returned.
 */
export function describeKeptResources(plan: DestroyPlan): string[] {
  return [
    ...(plan.ecrRepository ? [] : ['the ECR repository (--delete-ecr-repo)']),
    ...(plan.roles.length > 0 ? [] : ['the IAM roles (--delete-role)']),
    ...(plan.codeBuild ? [] : ['the CodeBuild project (--delete-codebuild)']),
    ...plan.foreignRoles.map((role) => `IAM role ${role} (not created by agentcore-mcp)`),
  ];
}

function planCognito(cwd: string): NonNullable<DestroyPlan['cognito']> {
  const credentialsFile = join(cwd, CREDENTIALS_FILE);
  if (!existsSync(credentialsFile)) {
    throw new CliError(
      'ERR_NOT_CONFIGURED',
      `--delete-cognito: there is no ${CREDENTIALS_FILE} in ${cwd} (setup-cognito writes it); delete the user pool yourself or drop --delete-cognito`,
    );
  }
  const credentials = readCredentialsFile(credentialsFile);
  if (credentials.endpoint !== undefined) {
    throw new CliError(
      'ERR_INVALID_INPUT',
      `--delete-cognito: the user pool in ${CREDENTIALS_FILE} is on a local Cognito (${credentials.endpoint}), not AWS; drop --delete-cognito`,
    );
  }
  return { userPoolId: credentials.userPoolId, region: credentials.region, credentialsFile };
}
