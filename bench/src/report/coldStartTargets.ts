import type {
  ColdStartApp,
  ColdStartNode,
  ColdStartResult,
  ColdStartRow,
} from '../sections/coldStartSection.js';
import type { BenchResults } from './benchResults.js';
import type { TargetCheck } from './evaluateTargets.js';
import { times } from './markdown.js';

/** Issue 16: process start → first tools/call at most this many times the same Node's `node -e ""`. */
export const COLD_START_AT_MOST = 2.5;

/** The apps and Nodes the cold-start target applies to, in the order the summary lists them. */
export const COLD_START_TARGETS: readonly {
  readonly app: ColdStartApp;
  readonly node: ColdStartNode;
}[] = [
  { app: 'example-server', node: 'bench' },
  { app: 'gateway-service', node: 'bench' },
  { app: 'example-server', node: 'node24' },
  { app: 'gateway-service', node: 'node24' },
];

const UNMEASURED_NODE_NAMES: Record<ColdStartNode, string> = {
  bench: 'the bench’s Node',
  node24: 'Node 24',
};

/**
 * The row a cold-start target is judged on: on the bench's Node the app as `node dist/main.js`
 * runs it; on Node 24 the app as its image runs it, with the compile cache warmed.
 *
 * @param result - §5's result.
 * @param target - The app and the Node.
 * @returns The row, or `undefined` when it was not measured (e.g. Node 24 missing).
 */
export function coldStartTargetRow(
  result: ColdStartResult,
  target: (typeof COLD_START_TARGETS)[number],
): ColdStartRow | undefined {
  return result.rows.find(
    (row) =>
      row.id === target.app &&
      row.node === target.node &&
      row.compileCache === (target.node === 'node24'),
  );
}

/**
 * Checks issue 16's cold-start targets: both apps ≤ {@link COLD_START_AT_MOST}× `node -e ""`, on
 * the bench's Node and on Node 24.
 *
 * @param results - The run.
 * @returns One check per app and Node.
 */
export function evaluateColdStartTargets(results: BenchResults): TargetCheck[] {
  const result = results.coldStart.ok ? results.coldStart.value : undefined;
  return COLD_START_TARGETS.map((target) => {
    const row = result && coldStartTargetRow(result, target);
    const version = result?.nodes.find((node) => node.node === target.node)?.version;
    const nodeName = version === undefined ? UNMEASURED_NODE_NAMES[target.node] : `Node ${version}`;
    return {
      id: `cold-start-${target.app}-${target.node}`,
      target: `${target.app}: process start → first tools/call ≤ ${COLD_START_AT_MOST}× \`node -e ""\`, ${nodeName}${target.node === 'node24' ? ' (compile cache, as in the image)' : ''}`,
      measured: row ? times(row.nodeRatio) : 'not measured',
      met: row ? row.nodeRatio <= COLD_START_AT_MOST : undefined,
    };
  });
}
