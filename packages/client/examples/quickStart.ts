/* eslint-disable no-console -- an example prints its results */
// Quick start for @agentcore-mcp/client (shown in README.md). Run from packages/client after a build:
// `AGENTCORE_RUNTIME_ARN=arn:… AGENTCORE_BEARER_TOKEN=… npx tsx examples/quickStart.ts`, or with
// no variables against a local MCP server on http://127.0.0.1:8000/mcp.
import { resolveMcpEndpoint } from '@agentcore-mcp/client';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const arn = process.env.AGENTCORE_RUNTIME_ARN;
const token = process.env.AGENTCORE_BEARER_TOKEN;

// An ARN becomes https://bedrock-agentcore.<region>.amazonaws.com/runtimes/<encoded ARN>/invocations?qualifier=DEFAULT.
const url = resolveMcpEndpoint(arn ? { arn } : { url: 'http://127.0.0.1:8000/mcp' });
console.log(`connecting to ${url.href}`);

const transport = new StreamableHTTPClientTransport(url, {
  requestInit: token ? { headers: { Authorization: `Bearer ${token}` } } : undefined,
});
const client = new Client({ name: 'agentcore-mcp-quick-start', version: '1.0.0' });
await client.connect(transport);
try {
  const { tools } = await client.listTools();
  console.log(tools.map((tool) => tool.name));
} finally {
  await client.close();
}
