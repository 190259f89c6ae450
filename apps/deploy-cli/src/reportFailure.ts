import { toAgentCoreMcpError } from '@agentcore-mcp/core';
import { CommanderError } from 'commander';

import { AwsRequestError } from './errors.js';
import type { Output } from './output.js';

/** Options for {@link reportFailure}. */
export interface ReportFailureOptions {
  /** `--verbose`: also print the AWS request id and the cause chain. Default: `false`. */
  verbose?: boolean | undefined;
}

const MAX_CAUSES = 5;

/**
 * Handles whatever reached the CLI's top-level catch and picks the exit code. Commander's own
 * errors (unknown option, missing argument) were already printed as `error: …`, and its `--help`
 * and `--version` exits carry code 0. Anything else becomes one family error through core's
 * `toAgentCoreMcpError` (ours pass through; a JSON-RPC error the server answered becomes
 * `ERR_SERVER_ERROR`; the rest `ERR_INTERNAL`) and is printed as one `error: <message>` line. With
 * `verbose`, indented lines follow with the AWS request id and each cause (`Name: message`).
 *
 * @param error - The thrown value.
 * @param output - Where to print the message.
 * @param options - `verbose`.
 * @returns The process exit code: commander's code, or 1.
 * @example
 * ```ts
 * try { await program.parseAsync(); } catch (error) { process.exitCode = reportFailure(error, output); }
 * ```
 */
export function reportFailure(
  error: unknown,
  output: Output,
  options: ReportFailureOptions = {},
): number {
  if (error instanceof CommanderError) return error.exitCode;
  const failure = toAgentCoreMcpError(error);
  output.error(failure.message);
  if (!options.verbose) return 1;
  if (failure instanceof AwsRequestError && failure.requestId) {
    output.note(`requestId: ${failure.requestId}`);
  }
  let cause: unknown = failure.cause;
  for (let depth = 0; cause !== undefined && depth < MAX_CAUSES; depth++) {
    output.note(`cause: ${describe(cause)}`);
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  return 1;
}

/** One cause as `Name: message`, with the SDK's error code and HTTP status when it has them. */
function describe(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const { code, $metadata } = cause as { code?: unknown; $metadata?: { httpStatusCode?: unknown } };
  const extra = [
    typeof code === 'string' ? code : undefined,
    typeof $metadata?.httpStatusCode === 'number' ? `HTTP ${$metadata.httpStatusCode}` : undefined,
  ].filter(Boolean);
  return `${cause.name}: ${cause.message}${extra.length ? ` (${extra.join(', ')})` : ''}`;
}
