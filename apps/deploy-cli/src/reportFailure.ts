import { toAgentCoreMcpError } from '@agentcore-mcp/core';
import { CommanderError } from 'commander';

import type { Output } from './output.js';

/**
 * Handles whatever reached the CLI's top-level catch and picks the exit code. Commander's own
 * errors (unknown option, missing argument) were already printed as `error: …`, and its `--help`
 * and `--version` exits carry code 0. Anything else is printed as one `error: <message>` line:
 * `AgentCoreMcpError` messages as they are, other throwables as `Unexpected internal error: …`.
 *
 * @param error - The thrown value.
 * @param output - Where to print the message.
 * @returns The process exit code: commander's code, or 1.
 * @example
 * ```ts
 * try { await program.parseAsync(); } catch (error) { process.exitCode = reportFailure(error, output); }
 * ```
 */
export function reportFailure(error: unknown, output: Output): number {
  if (error instanceof CommanderError) return error.exitCode;
  output.error(toAgentCoreMcpError(error).message);
  return 1;
}
