import {
  buildInvocationUrl,
  parseInvocationUrl,
  type ParseInvocationUrlResult,
} from '@agentcore-mcp/core';

/**
 * Recognizes an AgentCore Runtime invocation URL as a gateway target:
 * `https://bedrock-agentcore.<region>.amazonaws.com/runtimes/<url-encoded ARN>/invocations?qualifier=…`
 * (core's `parseInvocationUrl`), at the runtime's own AWS endpoint. The same path under another
 * origin (a local emulator, a proxy) is not a runtime AgentCore Gateway can authenticate to.
 *
 * @param url - A target's URL from the gateway config.
 * @returns The runtime ARN, qualifier and endpoint, or `undefined` for any other URL.
 * @example
 * ```ts
 * parseRuntimeTargetUrl(buildInvocationUrl({ arn }))?.arn.runtimeId; // 'weather-AbCdEf1234'
 * parseRuntimeTargetUrl('https://weather.example.com/mcp'); // undefined
 * ```
 */
export function parseRuntimeTargetUrl(url: string): ParseInvocationUrlResult | undefined {
  let parsed: ParseInvocationUrlResult;
  try {
    parsed = parseInvocationUrl(url);
  } catch {
    return undefined;
  }
  const awsEndpoint = new URL(buildInvocationUrl({ arn: parsed.arn.arn })).origin;
  return parsed.endpoint === awsEndpoint ? parsed : undefined;
}
