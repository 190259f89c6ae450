import { defineTool, ToolError } from '@agentcore-mcp/server-kit';
import * as z from 'zod';

const OPERATIONS = {
  add: (a: number, b: number) => a + b,
  subtract: (a: number, b: number) => a - b,
  multiply: (a: number, b: number) => a * b,
  divide: (a: number, b: number) => {
    if (b === 0) throw new ToolError('Cannot divide by zero: pass a non-zero b');
    return a / b;
  },
} as const;

/** The external server's two tools, as the gateway will discover them. */
export const externalTools = [
  defineTool({
    name: 'external_echo',
    description: 'Echo a message back from the external server',
    input: { message: z.string().describe('The message to echo') },
    annotations: { readOnlyHint: true },
    handler: ({ message }) => `External Server Echo: ${message}`,
  }),
  defineTool({
    name: 'external_calculate',
    description: 'Calculate on the external server: add, subtract, multiply or divide',
    input: {
      operation: z
        .enum(['add', 'subtract', 'multiply', 'divide'])
        .describe('The operation to perform'),
      a: z.number().describe('First operand'),
      b: z.number().describe('Second operand'),
    },
    annotations: { readOnlyHint: true },
    handler: ({ operation, a, b }) =>
      `External Server Result: ${a} ${operation} ${b} = ${OPERATIONS[operation](a, b)}`,
  }),
];
