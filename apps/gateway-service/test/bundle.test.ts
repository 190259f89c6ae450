import { join } from 'node:path';

import { startServerProcess } from '@agentcore-mcp/server-kit/process';
import {
  connectMcpClient,
  prepareBundle,
  type PreparedBundle,
  type SpawnedApp,
  toolText,
} from '@agentcore-mcp/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startExternalServer } from './support/processes.js';

describe('the container content (pnpm deploy --prod of the esbuild bundle)', () => {
  let prepared: PreparedBundle | undefined;
  let upstream: SpawnedApp | undefined;

  beforeAll(async () => {
    [prepared, upstream] = await Promise.all([
      prepareBundle('@agentcore-mcp/gateway-service'),
      startExternalServer(),
    ]);
    // pnpm deploy and, the first time, the npm node@24 package: much longer while CI runs every suite.
  }, 300_000);
  afterAll(async () => {
    await upstream?.stop();
    prepared?.remove();
  });

  it('is the bundle and its licences, with no installed packages', () => {
    const { contents } = prepared!;
    expect(contents.distFiles).toEqual(['THIRD-PARTY-LICENSES.txt', 'main.js', 'main.js.map']);
    expect(contents.installedPackages).toEqual([]);
    expect(contents.licences).toMatch(/^ {2}express \d+\.\d+\.\d+ \(MIT\)$/m);
  });

  it.each([
    ['the Node running the tests', () => process.execPath],
    ['Node 24 (as in the images)', () => prepared!.node24],
  ])(
    'starts from the bundle alone under %s with GATEWAY_CONFIG and proxies a tools/call',
    async (_label, node) => {
      const gateway = await startServerProcess(node(), [join(prepared!.dir, 'dist/main.js')], {
        cwd: prepared!.dir,
        env: {
          NODE_ENV: 'production',
          GATEWAY_CONFIG: JSON.stringify({ mcpServers: { external: { url: upstream!.url } } }),
        },
      });
      try {
        const client = await connectMcpClient(gateway.url);
        const result = await client.callTool({
          name: 'external___external_echo',
          arguments: { message: 'from the bundle' },
        });
        expect(toolText(result)).toBe('External Server Echo: from the bundle');
        await client.close();
      } finally {
        expect(await gateway.stop()).toBe(0);
      }
    },
    60_000,
  );
});
