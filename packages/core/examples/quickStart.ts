/* eslint-disable no-console -- an example prints its results */
// Quick start for @agentcore-mcp/core (shown in README.md). Run from packages/core after a build:
// `npx tsx examples/quickStart.ts`.
import {
  AgentCoreMcpError,
  assertRuntimeName,
  buildInvocationUrl,
  parseHeaderAllowlist,
  parseRuntimeArn,
} from '@agentcore-mcp/core';

const arn = 'arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/weather_server-AbCdEf1234';

// 1. The URL an MCP client posts to (the ARN is percent-encoded into the path).
console.log(buildInvocationUrl({ arn }));
// https://bedrock-agentcore.us-west-2.amazonaws.com/runtimes/arn%3Aaws%3Abedrock-agentcore%3Aus-west-2%3A123456789012%3Aruntime%2Fweather_server-AbCdEf1234/invocations?qualifier=DEFAULT

// 2. The same runtime behind a local emulator, on another endpoint (qualifier) of the runtime.
console.log(buildInvocationUrl({ arn, qualifier: 'beta', endpoint: 'http://127.0.0.1:9000' }));

// 3. The parts of the ARN.
const { region, accountId, runtimeId } = parseRuntimeArn(arn);
console.log({ region, accountId, runtimeId });

// 4. Validate configuration before calling AWS; every error has a stable code and a one-line fix.
console.log(parseHeaderAllowlist('Authorization, X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant'));
try {
  assertRuntimeName('weather-server');
} catch (error) {
  if (!(error instanceof AgentCoreMcpError)) throw error;
  console.log(error.code, error.message);
  // ERR_INVALID_RUNTIME_NAME Invalid runtime name "weather-server": it contains "-", but only
  // letters, digits and underscores are allowed; try "weather_server"
}
