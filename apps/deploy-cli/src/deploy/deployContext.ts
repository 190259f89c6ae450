import { type AwsClients, createAwsClients } from '../aws/awsClients.js';
import { type AwsRequests, createAwsRequests } from '../aws/awsRequests.js';
import type { Output } from '../output.js';
import { DeployError } from './deployError.js';

/** Everything a deployment command uses from its surroundings; tests replace the slow parts. */
export interface DeployContext {
  readonly output: Output;
  /** The project root: where `.agentcore-mcp.yaml` is and relative paths start. */
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** The SDK clients (tests mock them with aws-sdk-client-mock). */
  readonly clients: AwsClients;
  /** Sends or, with `--dry-run`, records every request. */
  readonly aws: AwsRequests;
  /** Waits between polls; tests pass one that returns at once. */
  readonly sleep: (ms: number) => Promise<void>;
  /** The clock; tests pass a fixed one so image tags and plans are stable. */
  readonly now: () => Date;
  /** Whether stdin and stdout are a terminal (prompts, confirmations, live progress). */
  readonly interactive: boolean;
}

/** The flags every deployment command shares. */
export interface AwsCommandOptions {
  /** `--region`; default the project's, then AWS_REGION / AWS_DEFAULT_REGION. */
  readonly region?: string | undefined;
  /** `--profile`; default the standard credential chain (AWS_PROFILE…). */
  readonly profile?: string | undefined;
  /** `--dry-run`: print the AWS requests instead of sending them. */
  readonly dryRun?: boolean | undefined;
}

/** What `cli.ts` gives a deployment command. */
export interface DeployCommandEnvironment {
  readonly output: Output;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
}

/**
 * Builds the context of one deployment command run.
 *
 * @param environment - Output, working directory and environment from `cli.ts`.
 * @param options - Region (after the project's), profile and dry-run.
 * @throws {@link DeployError} `ERR_INVALID_INPUT` when no region is known.
 */
export function createDeployContext(
  environment: DeployCommandEnvironment,
  options: AwsCommandOptions & { projectRegion?: string | undefined },
): DeployContext {
  const region = resolveDeployRegion(options.region ?? options.projectRegion, environment.env);
  return {
    ...environment,
    clients: createAwsClients({ region, profile: options.profile ?? environment.env.AWS_PROFILE }),
    aws: createAwsRequests({ dryRun: options.dryRun ?? false, region }),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: () => new Date(),
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
  };
}

/**
 * The region a deployment command works in: the flag (or the project's), then AWS_REGION, then
 * AWS_DEFAULT_REGION.
 *
 * @throws {@link DeployError} `ERR_INVALID_INPUT` when none is set.
 */
export function resolveDeployRegion(region: string | undefined, env: NodeJS.ProcessEnv): string {
  // An empty value (e.g. AWS_REGION=) counts as unset.
  const resolved = [region, env.AWS_REGION, env.AWS_DEFAULT_REGION].find((value) => value);
  if (resolved === undefined || resolved === '') {
    throw new DeployError(
      'ERR_INVALID_INPUT',
      'No AWS region: pass --region (or set AWS_REGION), e.g. --region us-east-1',
    );
  }
  return resolved;
}
