import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { appEntry, benchServerEntry } from '../paths.js';
import { startApp, type StartedApp } from '../procs/startApp.js';
import { GATEWAY_TARGET, writeGatewayConfig } from '../procs/startGatewayService.js';
import type { ColdStartNode } from './coldStartSection.js';

/** One process §5 starts and times. */
export interface ColdSubject {
  readonly id: string;
  readonly label: string;
  readonly node: ColdStartNode;
  readonly compileCache: boolean;
  readonly tool: string;
  readonly start: () => Promise<StartedApp>;
}

/**
 * §5's subjects: the SDK v1 reference and both apps on the bench's Node, then (when Node 24 is
 * there) both apps on Node 24 without and with the compile cache (one cache directory under
 * `scratchDir`, which the first start of each app fills).
 *
 * @param upstreamUrl - The running example-server gateway-service fronts.
 * @param scratchDir - Where the gateway configuration and the compile cache go.
 * @param node24 - The Node 24 binary, or `undefined` to leave its rows out.
 * @returns The subjects, in the order the report lists them.
 */
export function coldSubjects(
  upstreamUrl: string,
  scratchDir: string,
  node24: string | undefined,
): ColdSubject[] {
  const cacheDir = join(scratchDir, 'node-compile-cache');
  mkdirSync(cacheDir, { recursive: true });
  const gatewayConfig = writeGatewayConfig(scratchDir, { url: upstreamUrl }, 'cold.json');
  const apps = (node: string | undefined, compileCache: boolean) => {
    // NODE_DISABLE_COMPILE_CACHE keeps a cache the bench's own environment may name out of the
    // rows that run without one.
    const env: Record<string, string> = compileCache
      ? { NODE_COMPILE_CACHE: cacheDir }
      : { NODE_DISABLE_COMPILE_CACHE: '1' };
    const suffix = compileCache ? ', compile cache' : '';
    return [
      {
        id: 'example-server',
        label: `example-server${suffix}`,
        tool: 'add_numbers',
        start: () => startApp(appEntry('example-server'), { node, env }),
      },
      {
        id: 'gateway-service',
        label: `gateway-service (1 HTTP target)${suffix}`,
        tool: `${GATEWAY_TARGET}___add_numbers`,
        start: () =>
          startApp(appEntry('gateway-service'), {
            node,
            env,
            args: ['--config', gatewayConfig],
          }),
      },
    ];
  };
  return [
    {
      id: 'sdk-reference',
      label: 'SDK v1 reference server',
      node: 'bench',
      compileCache: false,
      tool: 'add_numbers',
      start: () => startApp(benchServerEntry('referenceServer')),
    },
    ...apps(undefined, false).map((app) => ({
      ...app,
      node: 'bench' as const,
      compileCache: false,
    })),
    ...(node24 === undefined
      ? []
      : [false, true].flatMap((compileCache) =>
          apps(node24, compileCache).map((app) => ({
            ...app,
            node: 'node24' as const,
            compileCache,
          })),
        )),
  ];
}
