import { readCallerIdentity } from '../deploy/callerIdentity.js';
import type { DeployContext } from '../deploy/deployContext.js';
import { DeployError } from '../deploy/deployError.js';
import {
  type DoctorCheck,
  errorMessage,
  failed,
  passed,
  splitErrorMessage,
} from './doctorCheck.js';

/** The name of the AWS credentials check. */
export const AWS_CHECK = 'AWS credentials';

/**
 * Checks that AWS credentials work in the region: STS GetCallerIdentity, sent through
 * `context.aws` like every other request of the CLI.
 *
 * @param context - The deployment context (region and profile already chosen).
 * @returns The check: who the caller is, or the one-line AWS error and its hint as the fix.
 * @example
 * ```ts
 * output.result(formatDoctorCheck(await checkAwsCredentials(context)));
 * ```
 */
export async function checkAwsCredentials(context: DeployContext): Promise<DoctorCheck> {
  const { region } = context.clients.target;
  try {
    const identity = await readCallerIdentity(context);
    return passed(AWS_CHECK, `${identity.arn} (account ${identity.account}) in ${region}`);
  } catch (error) {
    const { detail, fix } = splitErrorMessage(
      errorMessage(error),
      'check your AWS credentials (aws sts get-caller-identity)',
    );
    return failed(AWS_CHECK, detail, fix);
  }
}

/**
 * The AWS check's failure when the deployment context could not be built: no region at all (no
 * `--region`, project region or `AWS_REGION`). Nothing was sent.
 *
 * @param error - What building the context threw.
 * @returns The failed check.
 */
export function contextFailureCheck(error: unknown): DoctorCheck {
  if (error instanceof DeployError && error.code === 'ERR_INVALID_INPUT') {
    return failed(AWS_CHECK, 'no AWS region', 'pass --region, or set AWS_REGION');
  }
  return failed(AWS_CHECK, errorMessage(error), 'check --region and --profile');
}
