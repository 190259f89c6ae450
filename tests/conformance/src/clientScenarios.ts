import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';

/** The calls a scenario's mock asks for (`MCP_CONFORMANCE_CONTEXT`), when it gives any. */
export interface ScenarioContext {
  readonly toolCalls?: readonly { name: string; arguments: Record<string, unknown> }[];
}

/** Drives one client scenario through the gateway at `gatewayUrl`. */
export type ScenarioDriver = (gatewayUrl: string, context: ScenarioContext) => Promise<void>;

/** The gateway's own tool, which no scenario's mock knows. */
const GATEWAY_TOOL = 'gateway_status';

/**
 * Connects a client to the gateway. `2026-07-28` (the SDK v2 client pinned to it) also runs the
 * gateway's multi round-trip pass-through; `2025` is used where a 2026 client would do the work
 * under test itself (mirroring `Mcp-Param-*`, leaving out tools with invalid `x-mcp-header`), so
 * that only the gateway's upstream side can make the scenario pass.
 */
async function connect(
  gatewayUrl: string,
  era: '2026-07-28' | '2025',
  options: { elicitation?: boolean } = {},
): Promise<Client> {
  const client = new Client(
    { name: 'gateway-client-under-test', version: '1.0.0' },
    {
      capabilities: options.elicitation === true ? { elicitation: {} } : {},
      ...(era === '2026-07-28' ? { versionNegotiation: { mode: { pin: '2026-07-28' } } } : {}),
    },
  );
  await client.connect(new StreamableHTTPClientTransport(new URL(gatewayUrl)));
  return client;
}

/** Lists the tools and calls `add_numbers` (the `tools_call` scenario). */
const toolsCall: ScenarioDriver = async (gatewayUrl) => {
  const client = await connect(gatewayUrl, '2026-07-28');
  const { tools } = await client.listTools();
  if (tools.some((tool) => tool.name === 'add_numbers')) {
    await client.callTool({ name: 'add_numbers', arguments: { a: 5, b: 3 } });
  }
  await client.close();
};

/** Every method the `http-standard-headers` mock checks, once each. */
const standardHeaders: ScenarioDriver = async (gatewayUrl) => {
  const client = await connect(gatewayUrl, '2026-07-28');
  const tool = (await client.listTools()).tools.find((entry) => entry.name !== GATEWAY_TOOL);
  if (tool) await client.callTool({ name: tool.name, arguments: {} });
  const [resource] = (await client.listResources()).resources;
  if (resource) await client.readResource({ uri: resource.uri });
  const [prompt] = (await client.listPrompts()).prompts;
  if (prompt) await client.getPrompt({ name: prompt.name, arguments: {} });
  await client.close();
};

/** The calls the `http-custom-headers` mock names, from a 2025 client (which mirrors nothing). */
const customHeaders: ScenarioDriver = async (gatewayUrl, context) => {
  const client = await connect(gatewayUrl, '2025');
  await client.listTools();
  for (const call of context.toolCalls ?? []) {
    await client.callTool({ name: call.name, arguments: call.arguments });
  }
  await client.close();
};

/**
 * Calls every tool the gateway lists, from a 2025 client (which leaves out nothing itself): the
 * gateway must already have left out the tools whose `x-mcp-header` annotations are invalid.
 */
const invalidToolHeaders: ScenarioDriver = async (gatewayUrl) => {
  const client = await connect(gatewayUrl, '2025');
  const { tools } = await client.listTools();
  for (const tool of tools.filter((entry) => entry.name !== GATEWAY_TOOL)) {
    await client
      .callTool({ name: tool.name, arguments: { region: 'us-west1' } })
      .catch(() => undefined);
  }
  await client.close();
};

/**
 * The `sep-2322-client-request-state` flows, from a 2026 client that answers elicitation: the
 * target's `input_required` results pass through the gateway, and the client's retries
 * (`inputResponses`, `requestState`) go back through it.
 */
const multiRoundTrip: ScenarioDriver = async (gatewayUrl) => {
  const client = await connect(gatewayUrl, '2026-07-28', { elicitation: true });
  client.setRequestHandler('elicitation/create', () => ({
    action: 'accept',
    content: { confirmed: true },
  }));
  await client.callTool({ name: 'test_mrtr_echo_state', arguments: {} });
  await client.callTool({ name: 'test_mrtr_no_state', arguments: {} });
  await client.callTool({ name: 'test_mrtr_unrelated', arguments: {} });
  // A 2026-07-28 result without resultType is refused by the gateway's upstream client, which
  // must not retry it: the call fails, as the scenario allows.
  await client.callTool({ name: 'test_mrtr_no_result_type', arguments: {} }).catch(() => undefined);
  await client.close();
};

/** Lists the tools (the mock checks that no network `$ref` in a schema was fetched). */
const listOnly: ScenarioDriver = async (gatewayUrl) => {
  const client = await connect(gatewayUrl, '2026-07-28');
  await client.listTools();
  await client.close();
};

/**
 * Nothing beyond the gateway's own start: `request-metadata` checks the gateway's `server/discover`
 * probe (its `_meta` envelope and headers, and the retry after -32022).
 */
const startOnly: ScenarioDriver = () => Promise.resolve();

/** The auth scenarios: list and call `test-tool` (out of scope; expected to fail). */
const authorized: ScenarioDriver = async (gatewayUrl) => {
  const client = await connect(gatewayUrl, '2026-07-28');
  await client.listTools();
  await client.callTool({ name: 'test-tool', arguments: {} }).catch(() => undefined);
  await client.close();
};

const DRIVERS: Readonly<Record<string, ScenarioDriver>> = {
  tools_call: toolsCall,
  'request-metadata': startOnly,
  'sep-2322-client-request-state': multiRoundTrip,
  'http-standard-headers': standardHeaders,
  'http-custom-headers': customHeaders,
  'http-invalid-tool-headers': invalidToolHeaders,
  'json-schema-ref-no-deref': listOnly,
};

/**
 * The driver of a client scenario: what a client in front of the gateway does so that the
 * scenario's mock (the gateway's only target) sees the gateway's upstream requests it checks.
 *
 * @param scenario - The scenario's name (`MCP_CONFORMANCE_SCENARIO`).
 * @returns Its driver; the `auth/*` scenarios share one.
 * @throws {@link Error} for a scenario no driver is written for.
 */
export function driverOf(scenario: string): ScenarioDriver {
  const driver = DRIVERS[scenario] ?? (scenario.startsWith('auth/') ? authorized : undefined);
  if (driver === undefined) throw new Error(`No driver for client scenario ${scenario}`);
  return driver;
}
