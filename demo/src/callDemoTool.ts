import type { Client } from '@agentcore-mcp/client';
import { toolText } from '@agentcore-mcp/test-support';

import type { DemoCall } from './demoCalls.js';
import { DemoStepError, step } from './demoStep.js';

/**
 * Calls one tool and formats the transcript line: `🔧 tool({args}) → text`.
 *
 * @param client - A connected client.
 * @param call - The tool and its arguments.
 * @returns The transcript line.
 * @throws {@link DemoStepError} when the call fails or the tool answers with an error.
 */
export async function callDemoTool(client: Client, call: DemoCall): Promise<string> {
  const result = await step(`Calling ${call.tool}`, () =>
    client.callTool({ name: call.tool, arguments: call.args }),
  );
  const text = toolText(result);
  if (result.isError) {
    throw new DemoStepError(`Calling ${call.tool}`, {
      cause: new Error(text),
      code: 'ERR_TOOL_FAILED',
    });
  }
  return `🔧 ${call.tool}(${JSON.stringify(call.args)}) → ${text}`;
}
