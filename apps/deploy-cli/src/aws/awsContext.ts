import type { CommandContext } from '../commandContext.js';
import type { AwsSession } from './awsSession.js';
import { requireRegion } from './requireRegion.js';

/**
 * A command's context with AWS opened in its region: what everything that sends AWS requests
 * takes (`runtime/`, `build/`, `iam/`, `destroy/`, the managed gateway).
 */
export type AwsContext = CommandContext & AwsSession;

/** The AWS flags of the commands that send AWS requests. */
export interface AwsCommandOptions {
  /** `--region`. Default: the project's (or the recorded) region, then AWS_REGION / AWS_DEFAULT_REGION. */
  readonly region?: string | undefined;
  /** `--profile`. Default: AWS_PROFILE, then the standard credential chain. */
  readonly profile?: string | undefined;
  /** `--dry-run`: print the AWS requests instead of sending them. Default: off. */
  readonly dryRun?: boolean | undefined;
}

/**
 * Opens AWS for a command: the region is `--region`, else `fallbackRegion` (the project's or the
 * recorded one), else AWS_REGION / AWS_DEFAULT_REGION; the profile is `--profile`, else
 * AWS_PROFILE.
 *
 * @param context - The command's context.
 * @param options - `--region`, `--profile`, `--dry-run`, and the region to fall back on.
 * @returns The context with the SDK clients and the request sender.
 * @throws `ERR_INVALID_REGION` when no region is known or it is not a region code.
 * @example
 * ```ts
 * const aws = await openAwsContext(context, { ...options, fallbackRegion: runtime.region });
 * ```
 */
export async function openAwsContext(
  context: CommandContext,
  options: AwsCommandOptions & { readonly fallbackRegion?: string | undefined },
): Promise<AwsContext> {
  const region = requireRegion(options.region ?? options.fallbackRegion, context.env);
  const session = await context.openAws({
    region,
    profile: options.profile ?? context.env.AWS_PROFILE,
    dryRun: options.dryRun ?? false,
  });
  return { ...context, ...session };
}
