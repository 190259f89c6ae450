/* eslint-disable no-console -- an example prints its results */
// Quick start for @agentcore-mcp/client (shown in README.md). Run from packages/client after a build:
// `AGENTCORE_RUNTIME_ARN=arn:… AGENTCORE_BEARER_TOKEN=… npx tsx examples/quickStart.ts` (a JWT
// runtime), `AGENTCORE_RUNTIME_ARN=arn:… npx tsx examples/quickStart.ts` (an IAM runtime, signed
// with your AWS credentials), or with no variables against a local MCP server on
// http://127.0.0.1:8000/mcp.
import { connectAgentCore, createStaticTokenProvider } from '@agentcore-mcp/client';

const arn = process.env.AGENTCORE_RUNTIME_ARN;
const token = process.env.AGENTCORE_BEARER_TOKEN;

const client = await connectAgentCore({
  // An ARN becomes https://bedrock-agentcore.<region>.amazonaws.com/runtimes/<encoded ARN>/invocations?qualifier=DEFAULT.
  ...(arn ? { arn } : { url: 'http://127.0.0.1:8000/mcp' }),
  // A runtime with a customJWTAuthorizer takes a bearer token; one with IAM auth takes SigV4.
  ...(token ? { tokenProvider: createStaticTokenProvider(token) } : arn ? { sigv4: true } : {}),
});
try {
  const { tools } = await client.listTools();
  console.log(tools.map((tool) => tool.name));
} finally {
  await client.close();
}
