import { type AwsClients, type AwsTarget, createAwsClients } from './awsClients.js';
import { type AwsRequests, createAwsRequests } from './awsRequests.js';

/** Where a command's AWS requests go, and whether they are only recorded (`--dry-run`). */
export interface AwsSessionTarget extends AwsTarget {
  /** `--dry-run`: record every request, send none. */
  readonly dryRun: boolean;
}

/** AWS opened in one region: the SDK clients and the sender every request goes through. */
export interface AwsSession {
  /** The SDK clients, created on first use (tests mock them with aws-sdk-client-mock). */
  readonly clients: AwsClients;
  /** Sends or, with `--dry-run`, records every request; failures become `AwsRequestError`s. */
  readonly aws: AwsRequests;
}

/**
 * Opens AWS in one region for one command run.
 *
 * @param target - Region, profile and dry-run.
 * @returns The clients and the request sender.
 * @example
 * ```ts
 * const { clients, aws } = createAwsSession({ region: 'us-east-1', dryRun: true });
 * ```
 */
export function createAwsSession(target: AwsSessionTarget): AwsSession {
  return {
    clients: createAwsClients({ region: target.region, profile: target.profile }),
    aws: createAwsRequests({ dryRun: target.dryRun, region: target.region }),
  };
}
