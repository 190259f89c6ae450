/** One tool call the demo makes, with arguments a reader can follow. */
export interface DemoCall {
  readonly tool: string;
  readonly args: Record<string, unknown>;
}

/** The calls the demo makes on each server: every tool, at least once. */
export const DEMO_CALLS: Readonly<Record<string, readonly DemoCall[]>> = {
  'example-server': [
    { tool: 'echo_message', args: { message: 'Hello from AgentCore!' } },
    { tool: 'add_numbers', args: { a: 15, b: 27 } },
    { tool: 'multiply_numbers', args: { a: 6, b: 7 } },
    { tool: 'greet_user', args: { name: 'Ada' } },
    { tool: 'get_timestamp', args: {} },
    { tool: 'calculate', args: { operation: 'add', a: 15, b: 27 } },
    { tool: 'calculate', args: { operation: 'divide', a: 84, b: 2 } },
  ],
  'external-server': [
    { tool: 'external_echo', args: { message: 'Hello from gateway!' } },
    { tool: 'external_calculate', args: { operation: 'multiply', a: 6, b: 7 } },
  ],
};

/** The calls the demo makes through the gateway: one per target, prefixed with its name. */
export const GATEWAY_DEMO_CALLS: readonly DemoCall[] = [
  { tool: 'external___external_echo', args: { message: 'Hello from gateway!' } },
  { tool: 'everything___get-sum', args: { a: 15, b: 27 } },
];
