import type { SessionMode } from '@agentcore-mcp/server-kit';

/** How the suite reaches the fixture server: directly, or through a gateway in front of it. */
export type ConformanceRoute = 'direct' | 'gateway';

/** One run of the suite: a session mode and a route. */
export interface ConformanceRun {
  /** `<route>-<mode>`: the column id and the output directory name. */
  readonly id: string;
  /** The table column header, e.g. `gateway stateful`. */
  readonly label: string;
  readonly mode: SessionMode;
  readonly route: ConformanceRoute;
}

function defineRun(route: ConformanceRoute, mode: SessionMode): ConformanceRun {
  return { id: `${route}-${mode}`, label: `${route} ${mode}`, mode, route };
}

/**
 * The four runs of the 2025-11-25 leg, in table order. The gateway runs put a gateway of the same
 * mode in front of a fixture server of the same mode, so each differs from its direct run by the
 * gateway alone: stateless in front of stateless is also how both are deployed on AgentCore Runtime.
 */
export const CONFORMANCE_RUNS: readonly ConformanceRun[] = [
  defineRun('direct', 'stateful'),
  defineRun('gateway', 'stateful'),
  defineRun('direct', 'stateless'),
  defineRun('gateway', 'stateless'),
];

/**
 * Whether the 2026-07-28 leg also runs through the gateway (a stateless gateway in front of the
 * stateless fixture, compared scenario by scenario with the direct run). On: the gateway serves
 * 2026-07-28 and speaks it to the fixture upstream.
 */
export const MODERN_GATEWAY_RUN_ENABLED = true;

/**
 * The runs of the 2026-07-28 leg, in table order. That revision has no sessions, so a server
 * answers it the same way in either mode; the fixture runs in stateless mode, AgentCore Runtime's
 * default.
 */
export const MODERN_CONFORMANCE_RUNS: readonly ConformanceRun[] = [
  defineRun('direct', 'stateless'),
  ...(MODERN_GATEWAY_RUN_ENABLED ? [defineRun('gateway', 'stateless')] : []),
];
