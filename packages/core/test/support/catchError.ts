import { AgentCoreMcpError } from '../../src/errors.js';

/**
 * Runs `action`, which must throw an {@link AgentCoreMcpError}, and returns that error so a test can
 * assert on its `code` and `message`. Anything else thrown is rethrown; not throwing fails.
 *
 * @param action - The call expected to throw.
 * @returns The thrown error.
 * @example
 * ```ts
 * expect(catchError(() => parseRuntimeArn('x')).code).toBe('ERR_INVALID_ARN');
 * ```
 */
export function catchError(action: () => unknown): AgentCoreMcpError {
  try {
    action();
  } catch (error) {
    if (error instanceof AgentCoreMcpError) return error;
    throw error;
  }
  throw new Error('Expected the action to throw an AgentCoreMcpError, but it returned');
}
