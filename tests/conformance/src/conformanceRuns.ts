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
 * The four runs, in table order. The gateway runs put a gateway of the same mode in front of a
 * fixture server of the same mode, so each differs from its direct run by the gateway alone:
 * stateless in front of stateless is also how both are deployed on AgentCore Runtime.
 */
export const CONFORMANCE_RUNS: readonly ConformanceRun[] = [
  defineRun('direct', 'stateful'),
  defineRun('gateway', 'stateful'),
  defineRun('direct', 'stateless'),
  defineRun('gateway', 'stateless'),
];
