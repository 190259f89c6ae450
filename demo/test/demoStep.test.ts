import { AgentCoreMcpError } from '@agentcore-mcp/core';
import { describe, expect, it } from 'vitest';

import { DemoStepError, step } from '../src/demoStep.js';

describe('DemoStepError', () => {
  it("names the step, the cause's first line and a quoted process's error: line", () => {
    const cause = new Error('Command failed: node cli.js token\nsome noise\nerror: No credentials');
    const error = new DemoStepError('Getting a token', { cause });

    expect(error).toBeInstanceOf(AgentCoreMcpError);
    expect(error).toMatchObject({
      name: 'DemoStepError',
      code: 'ERR_INTERNAL',
      message: 'Getting a token failed: Command failed: node cli.js token error: No credentials',
      cause,
    });
  });

  it('keeps the code of one of our errors, else the one it is given', () => {
    const exited = new AgentCoreMcpError('ERR_PROCESS_EXITED', 'node main.js exited with code 1');
    expect(new DemoStepError('Starting', { cause: exited }).code).toBe('ERR_PROCESS_EXITED');
    expect(
      new DemoStepError('Calling echo', { cause: new Error('no'), code: 'ERR_TOOL_FAILED' }).code,
    ).toBe('ERR_TOOL_FAILED');
  });

  it('is what step() throws, and an inner step error passes through unchanged', async () => {
    const inner = new DemoStepError('Inner', { cause: new Error('x') });
    await expect(step('Outer', () => Promise.reject(inner))).rejects.toBe(inner);
    await expect(step('Outer', () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'Outer failed: boom',
    );
  });
});
