// The README's quick start, kept compiling by `pnpm typecheck`.
// Run it: pnpm --filter @agentcore-mcp/server-kit build && npx tsx examples/quickStart.ts
import {
  createAgentCoreServer,
  definePrompt,
  defineResource,
  defineTool,
  runAgentCoreServer,
  ToolError,
} from '@agentcore-mcp/server-kit';
import * as z from 'zod';

const divide = defineTool({
  name: 'divide',
  description: 'Divide a by b',
  input: { a: z.number(), b: z.number().describe('Must not be zero') },
  handler: ({ a, b }) => {
    if (b === 0) throw new ToolError('Cannot divide by zero: pass a non-zero b');
    return a / b;
  },
});

const stats = defineTool({
  name: 'stats',
  description: 'Sum and count of some numbers, as structured output',
  input: { values: z.array(z.number()).min(1) },
  output: { sum: z.number(), count: z.number() },
  handler: async ({ values }, context) => {
    await context.log.info('summing', { count: values.length });
    await context.reportProgress(1, 1, 'done');
    return { sum: values.reduce((total, value) => total + value, 0), count: values.length };
  },
});

const readme = defineResource({
  uri: 'docs://readme',
  name: 'readme',
  mimeType: 'text/markdown',
  read: () => '# Calculator\nAsk me to divide.',
});

const explain = definePrompt({
  name: 'explain_division',
  args: { a: z.string(), b: z.string() },
  render: ({ a, b }) => `Explain step by step how to divide ${a} by ${b}.`,
});

await runAgentCoreServer(() =>
  createAgentCoreServer({
    name: 'calculator',
    version: '1.0.0',
    tools: [divide, stats],
    resources: [readme],
    prompts: [explain],
  }),
);
