import { resolveRegion } from '@agentcore-mcp/core';

import { type AwsCommandOptions, type AwsContext, openAwsContext } from '../aws/awsContext.js';
import { readCallerIdentity } from '../aws/callerIdentity.js';
import type { CommandContext } from '../commandContext.js';
import { type DoctorCheck, errorMessage, failed, failedWithError, passed } from './doctorCheck.js';

/** The name of the AWS credentials check. */
export const AWS_CHECK = 'AWS credentials';

/**
 * Checks that AWS credentials work in the region: STS GetCallerIdentity, sent through
 * `context.aws` like every other request of the CLI.
 *
 * @param context - The AWS context (region and profile already chosen).
 * @returns The check: who the caller is, or the one-line AWS error and its hint as the fix.
 * @example
 * ```ts
 * output.result(formatDoctorCheck(await checkAwsCredentials(context)));
 * ```
 */
export async function checkAwsCredentials(context: AwsContext): Promise<DoctorCheck> {
  const { region } = context.clients.target;
  try {
    const identity = await readCallerIdentity(context);
    return passed(AWS_CHECK, `${identity.arn} (account ${identity.account}) in ${region}`);
  } catch (error) {
    return failedWithError(
      AWS_CHECK,
      error,
      'check your AWS credentials (aws sts get-caller-identity)',
    );
  }
}

/**
 * Opens AWS for the doctor in the region a deployment command would use: `--region`, the
 * runtime's region in the project, then AWS_REGION / AWS_DEFAULT_REGION. Without a usable region
 * nothing can be sent, and the AWS check fails at once.
 *
 * @param context - The command's context.
 * @param options - `--region` and `--profile`.
 * @param runtimeRegion - The runtime's region in the project, if any.
 * @returns The AWS context, or the failed check.
 * @example
 * ```ts
 * const opened = await openDoctorAws(context, options, runtime?.region);
 * if ('check' in opened) record(opened.check);
 * ```
 */
export async function openDoctorAws(
  context: CommandContext,
  options: Pick<AwsCommandOptions, 'region' | 'profile'>,
  runtimeRegion: string | undefined,
): Promise<{ readonly context: AwsContext } | { readonly check: DoctorCheck }> {
  let region: string | undefined;
  try {
    region = resolveRegion(options.region ?? runtimeRegion, context.env);
  } catch (error) {
    return { check: failed(AWS_CHECK, errorMessage(error), 'check --region and --profile') };
  }
  if (region === undefined) {
    return { check: failed(AWS_CHECK, 'no AWS region', 'pass --region, or set AWS_REGION') };
  }
  return { context: await openAwsContext(context, { region, profile: options.profile }) };
}
