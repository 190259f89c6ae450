import { setTimeout as delay } from 'node:timers/promises';

import { type Client, connectAgentCore, createStaticTokenProvider } from '@agentcore-mcp/client';

import { callDemoTool } from './callDemoTool.js';
import { GATEWAY_DEMO_CALLS } from './demoCalls.js';
import { type DemoOutput, DemoStepError, step } from './demoStep.js';

/** The part of the gateway's status (the `gateway_status` tool) the transcript shows. */
interface GatewayStatusView {
  status: string;
  healthyTargets: number;
  totalTargets: number;
  targets: {
    name: string;
    healthy: boolean;
    toolCount: number;
    latencyMs: number | null;
    lastError: string | null;
  }[];
}

/**
 * Talks to the running gateway-service as a client would, with the Cognito access token: asks for
 * its status (the `gateway_status` tool), lists the tools it discovered on its targets, and calls
 * {@link GATEWAY_DEMO_CALLS} through it.
 *
 * @param url - The gateway's MCP endpoint.
 * @param parts - The access token and where the transcript goes.
 * @throws {@link DemoStepError} naming the step that failed, also when the gateway is not running
 *   or a target is unhealthy.
 */
export async function demonstrateGateway(
  url: string,
  { token, print }: { token: string; print: DemoOutput },
): Promise<void> {
  const client = await step('Connecting to the gateway with the access token', () =>
    connectAgentCore({ url, tokenProvider: createStaticTokenProvider(token) }),
  );
  try {
    const info = client.getServerVersion();
    print(`🔗 Connected to ${info?.name ?? 'the gateway'} ${info?.version ?? ''} with the token`);

    const status = await step('Asking the gateway for its status (gateway_status)', () =>
      waitForHealthyTargets(client),
    );
    print(
      `📊 Gateway status: ${status.status}, ${status.healthyTargets}/${status.totalTargets} targets healthy`,
    );
    for (const target of status.targets) print(formatTarget(target));
    const unhealthy = status.targets.find((target) => !target.healthy);
    if (status.status !== 'running' || unhealthy !== undefined) {
      const reason = unhealthy
        ? `target ${unhealthy.name} is unhealthy: ${unhealthy.lastError ?? 'no error recorded'}`
        : `status is ${status.status}`;
      throw new DemoStepError('Checking the gateway status', { cause: new Error(reason) });
    }

    const { tools } = await step('Listing the tools through the gateway', () => client.listTools());
    print(`📋 Tools discovered through the gateway (${tools.length}):`);
    for (const tool of tools) print(`   - ${tool.name}: ${firstSentence(tool.description ?? '')}`);
    for (const call of GATEWAY_DEMO_CALLS) print(await callDemoTool(client, call));
  } finally {
    await client.close();
  }
}

/**
 * Calls `gateway_status` until every target is healthy, for at most about 10 s: a target slower
 * than the gateway's start-up wait (on a busy machine) is still being listed in the background.
 */
async function waitForHealthyTargets(client: Client): Promise<GatewayStatusView> {
  for (let attempt = 1; ; attempt += 1) {
    const result = await client.callTool({ name: 'gateway_status', arguments: {} });
    const status = result.structuredContent as GatewayStatusView | undefined;
    if (status === undefined) throw new Error('gateway_status returned no structured status');
    if (status.targets.every((target) => target.healthy) || attempt >= 40) return status;
    await delay(250);
  }
}

function formatTarget(target: GatewayStatusView['targets'][number]): string {
  const latency = target.latencyMs === null ? '' : `, ${Math.round(target.latencyMs)} ms`;
  return target.healthy
    ? `   ✓ ${target.name}: healthy, ${target.toolCount} tools${latency}`
    : `   ✗ ${target.name}: unhealthy (${target.lastError ?? 'no error recorded'})`;
}

/** The first line's first sentence: some upstream descriptions run to a paragraph. */
function firstSentence(text: string): string {
  return (text.split('\n')[0] ?? '').replace(/\.\s.*$/, '.');
}
