import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startServerProcess } from '@agentcore-mcp/server-kit/process';
import {
  connectMcpClient,
  deployBundle,
  type SpawnedApp,
  toolText,
} from '@agentcore-mcp/test-support';
import { installNode24 } from '@agentcore-mcp/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startExternalServer } from './support/processes.js';

describe('the container content (pnpm deploy --prod of the esbuild bundle)', () => {
  let root = '';
  let bundle = '';
  let node24 = '';
  let upstream: SpawnedApp | undefined;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'gateway-service-bundle-'));
    bundle = join(root, 'app');
    [, node24, upstream] = await Promise.all([
      deployBundle('@agentcore-mcp/gateway-service', bundle),
      installNode24(),
      startExternalServer(),
    ]);
    expect(execFileSync(node24, ['--version'], { encoding: 'utf8' })).toMatch(/^v24\./);
    // pnpm deploy and, the first time, the npm node@24 package: much longer while CI runs every suite.
  }, 300_000);
  afterAll(async () => {
    await upstream?.stop();
    if (root !== '') rmSync(root, { recursive: true, force: true });
  });

  it('is the bundle and its licences, with no installed packages', () => {
    expect(readdirSync(join(bundle, 'dist')).sort()).toEqual([
      'THIRD-PARTY-LICENSES.txt',
      'main.js',
      'main.js.map',
    ]);
    // With nothing to install, pnpm deploy leaves only its bookkeeping (.modules.yaml, .pnpm/).
    const installed = existsSync(join(bundle, 'node_modules'))
      ? readdirSync(join(bundle, 'node_modules')).filter((entry) => !entry.startsWith('.'))
      : [];
    expect(installed).toEqual([]);
    expect(readFileSync(join(bundle, 'dist', 'THIRD-PARTY-LICENSES.txt'), 'utf8')).toMatch(
      /^ {2}express \d+\.\d+\.\d+ \(MIT\)$/m,
    );
  });

  it.each([
    ['the Node running the tests', () => process.execPath],
    ['Node 24 (as in the images)', () => node24],
  ])(
    'starts from the bundle alone under %s with GATEWAY_CONFIG and proxies a tools/call',
    async (_label, node) => {
      const gateway = await startServerProcess(node(), [join(bundle, 'dist/main.js')], {
        cwd: bundle,
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
