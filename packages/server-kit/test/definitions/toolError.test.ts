import { AgentCoreMcpError } from '@agentcore-mcp/core';
import { describe, expect, it } from 'vitest';

import { ToolError } from '../../src/index.js';

describe('ToolError', () => {
  it('is an AgentCoreMcpError with code ERR_TOOL_FAILED, its message and cause', () => {
    const cause = new Error('disk full');
    const error = new ToolError('Cannot save the note: the disk is full', { cause });

    expect(error).toBeInstanceOf(AgentCoreMcpError);
    expect(error).toMatchObject({
      name: 'ToolError',
      code: 'ERR_TOOL_FAILED',
      message: 'Cannot save the note: the disk is full',
      cause,
    });
  });
});
