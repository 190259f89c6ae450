import { AgentCoreMcpError } from '@agentcore-mcp/core';

/** Runs `run` and returns the `ERR_CONFIG_INVALID` error it throws; fails the test otherwise. */
export function catchConfigError(run: () => unknown): AgentCoreMcpError {
  try {
    run();
  } catch (error) {
    if (error instanceof AgentCoreMcpError && error.code === 'ERR_CONFIG_INVALID') return error;
    throw error;
  }
  throw new Error('expected an ERR_CONFIG_INVALID error, nothing was thrown');
}
