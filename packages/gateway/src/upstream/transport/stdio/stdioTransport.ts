import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/client/stdio';

import type { StdioTargetConfig } from '../../../config/types.js';
import type { StderrTail } from './stderrTail.js';

/**
 * The transport of a stdio target: the SDK's child process transport with the SDK's safe default
 * environment plus the target's `env`, and stderr piped into `stderr` so the gateway can log it
 * and quote its last line when the child fails.
 *
 * @param target - The stdio target.
 * @param stderr - Where the child's stderr lines go.
 * @returns A transport not yet started (starting it spawns the child).
 * @example
 * ```ts
 * await client.connect(createStdioTransport(target, new StderrTail()));
 * ```
 */
export function createStdioTransport(
  target: StdioTargetConfig,
  stderr: StderrTail,
): StdioClientTransport {
  const transport = new StdioClientTransport({
    command: target.command,
    args: target.args,
    env: { ...getDefaultEnvironment(), ...target.env },
    ...(target.cwd === undefined ? {} : { cwd: target.cwd }),
    stderr: 'pipe',
  });
  stderr.follow(transport.stderr);
  return transport;
}
