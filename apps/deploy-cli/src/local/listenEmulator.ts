import { AgentCoreMcpError } from '@agentcore-mcp/core';

import { CliError } from '../errors.js';
import {
  createRuntimeEmulator,
  type RuntimeEmulator,
  type RuntimeEmulatorOptions,
} from './createRuntimeEmulator.js';
import type { EmulatedRuntime } from './emulatedRuntime.js';

/**
 * Starts the runtime emulator of `local` and `dev`, turning a bind failure into one line.
 *
 * @param runtimes - The runtimes to serve.
 * @param address - Where to listen (`port` 0 picks a free one), and what to call when a runtime
 *   session starts.
 * @returns The listening emulator.
 * @throws {@link CliError} `ERR_LISTEN_FAILED` when the address cannot be bound (the port is
 *   taken); `AgentCoreMcpError` for a bad ARN, qualifier or authorizer.
 * @example
 * ```ts
 * const emulator = await listenEmulator([{ arn, target }], { host: '127.0.0.1', port: 9000 });
 * ```
 */
export async function listenEmulator(
  runtimes: readonly EmulatedRuntime[],
  {
    host,
    port,
    onNewSession,
  }: { host: string; port: number } & Pick<RuntimeEmulatorOptions, 'onNewSession'>,
): Promise<RuntimeEmulator> {
  try {
    return await createRuntimeEmulator({
      runtimes,
      host,
      port,
      ...(onNewSession ? { onNewSession } : {}),
    });
  } catch (error) {
    if (error instanceof AgentCoreMcpError) throw error;
    throw new CliError(
      'ERR_LISTEN_FAILED',
      `Cannot listen on ${host}:${port} (${(error as NodeJS.ErrnoException).code ?? 'error'}): stop the other process or pass --port (0 picks a free port)`,
      { cause: error },
    );
  }
}
