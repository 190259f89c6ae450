import { AgentCoreMcpError } from '../../src/errors.js';

/**
 * Awaits `promise`, which must reject with an {@link AgentCoreMcpError}, and returns that error so a
 * test can assert on its `code` and `message`. Any other rejection is rethrown; resolving fails.
 *
 * @param promise - The call expected to reject.
 * @returns The rejection.
 * @example
 * ```ts
 * expect((await catchAsyncError(authorizer.verify('x'))).code).toBe('ERR_TOKEN_INVALID');
 * ```
 */
export async function catchAsyncError(promise: Promise<unknown>): Promise<AgentCoreMcpError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AgentCoreMcpError) return error;
    throw error;
  }
  throw new Error('Expected the promise to reject with an AgentCoreMcpError, but it resolved');
}
