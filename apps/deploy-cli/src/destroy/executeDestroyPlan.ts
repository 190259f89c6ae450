import { rmSync } from 'node:fs';

import type { AwsContext } from '../aws/awsContext.js';
import { CREDENTIALS_FILE } from '../cognito/credentialsFile.js';
import { deleteAgentRuntime, type DeleteOutcome } from './deleteAgentRuntime.js';
import {
  deleteCodeBuildProject,
  deleteEcrRepository,
  deleteSourceObject,
} from './deleteBuildResources.js';
import { deleteCognitoUserPool } from './deleteCognitoUserPool.js';
import { deleteIamRole } from './deleteIamRole.js';
import type { DestroyPlan } from './destroyPlan.js';

/** One resource `destroy` dealt with. */
export interface DestroyStep {
  /** e.g. `ECR repository agentcore-mcp/example_server`. */
  readonly resource: string;
  readonly outcome: DeleteOutcome;
}

/**
 * Deletes what the plan lists, in dependency order: the runtime (and waits until it is gone),
 * the ECR repository, the CodeBuild project and source archive, the IAM roles, the Cognito user
 * pool (then its credentials file). Prints one line per resource, except in a dry run.
 *
 * @param context - The AWS context.
 * @param plan - What {@link planDestroy} returned.
 * @returns One step per resource, in order.
 * @throws {@link CliError} / {@link AwsRequestError} from the first step that fails; the
 *   steps before it stay done, and running destroy again skips them ("already deleted").
 */
export async function executeDestroyPlan(
  context: AwsContext,
  plan: DestroyPlan,
): Promise<DestroyStep[]> {
  const steps: DestroyStep[] = [];
  const run = async (resource: string, remove: () => Promise<DeleteOutcome>): Promise<void> => {
    const outcome = await remove();
    steps.push({ resource, outcome });
    if (context.aws.dryRun) return;
    context.output.result(
      outcome === 'deleted' ? `Deleted ${resource}` : `${resource}: already deleted`,
    );
  };

  await run(`AgentCore runtime ${plan.runtime.name} (${plan.runtime.id})`, () =>
    deleteAgentRuntime(context, plan.runtime.id),
  );
  const { ecrRepository, codeBuild, cognito } = plan;
  if (ecrRepository) {
    await run(`ECR repository ${ecrRepository.name}`, () =>
      deleteEcrRepository(context, ecrRepository),
    );
  }
  if (codeBuild) {
    await run(`CodeBuild project ${codeBuild.project}`, () =>
      deleteCodeBuildProject(context, codeBuild.project),
    );
    await run(`S3 object s3://${codeBuild.bucket}/${codeBuild.key}`, () =>
      deleteSourceObject(context, codeBuild),
    );
  }
  for (const role of plan.roles) {
    await run(`IAM role ${role.name}`, () => deleteIamRole(context, role));
  }
  if (cognito) {
    await run(`Cognito user pool ${cognito.userPoolId}`, () =>
      deleteCognitoUserPool(context, cognito),
    );
    if (!context.aws.dryRun) {
      rmSync(cognito.credentialsFile, { force: true });
      context.output.result(`Removed ${CREDENTIALS_FILE} (its user pool is gone)`);
    }
  }
  return steps;
}
