import { defineTool, ToolError } from '@agentcore-mcp/server-kit';
import * as z from 'zod';

/** The four operations `calculate` knows. Nothing the client sends is ever evaluated as code. */
export const OPERATIONS = ['add', 'subtract', 'multiply', 'divide'] as const;

/** One of {@link OPERATIONS}. */
export type Operation = (typeof OPERATIONS)[number];

/**
 * Applies an arithmetic operation.
 *
 * @throws {@link ToolError} when dividing by zero.
 */
export function applyOperation(operation: Operation, a: number, b: number): number {
  switch (operation) {
    case 'add':
      return a + b;
    case 'subtract':
      return a - b;
    case 'multiply':
      return a * b;
    case 'divide':
      if (b === 0) throw new ToolError('Cannot divide by zero: pass a non-zero b');
      return a / b;
  }
}

const numberPair = {
  a: z.number().describe('First number'),
  b: z.number().describe('Second number'),
};

/** The seed's six tools, with its exact names. */
export const exampleTools = [
  defineTool({
    name: 'add_numbers',
    description: 'Add two numbers together',
    input: numberPair,
    annotations: { readOnlyHint: true },
    handler: ({ a, b }) => applyOperation('add', a, b),
  }),
  defineTool({
    name: 'multiply_numbers',
    description: 'Multiply two numbers together',
    input: numberPair,
    annotations: { readOnlyHint: true },
    handler: ({ a, b }) => applyOperation('multiply', a, b),
  }),
  defineTool({
    name: 'greet_user',
    description: 'Greet a user by name',
    input: { name: z.string().min(1).describe('The name of the person to greet') },
    annotations: { readOnlyHint: true },
    handler: ({ name }) => `Hello, ${name}! Nice to meet you.`,
  }),
  defineTool({
    name: 'echo_message',
    description: 'Echo back the provided message',
    input: { message: z.string().describe('The message to echo') },
    annotations: { readOnlyHint: true },
    handler: ({ message }) => `Echo: ${message}`,
  }),
  defineTool({
    name: 'get_timestamp',
    description: 'Get the current time as an ISO 8601 timestamp (UTC)',
    annotations: { readOnlyHint: true },
    handler: () => new Date().toISOString(),
  }),
  defineTool({
    name: 'calculate',
    description: 'Perform a basic arithmetic operation: add, subtract, multiply or divide',
    input: {
      operation: z.enum(OPERATIONS).describe('The operation to perform'),
      a: z.number().describe('First operand'),
      b: z.number().describe('Second operand'),
    },
    annotations: { readOnlyHint: true },
    handler: ({ operation, a, b }) =>
      `Result: ${a} ${operation} ${b} = ${applyOperation(operation, a, b)}`,
  }),
];
