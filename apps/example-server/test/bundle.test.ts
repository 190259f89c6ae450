import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startServerProcess } from '@agentcore-mcp/server-kit/process';
import { connectMcpClient, deployBundle, toolText } from '@agentcore-mcp/test-support';
import { installNode24 } from '@agentcore-mcp/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe('the container content (pnpm deploy --prod of the esbuild bundle)', () => {
  let root = '';
  let bundle = '';
  let node24 = '';

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'example-server-bundle-'));
    bundle = join(root, 'app');
    [, node24] = await Promise.all([
      deployBundle('@agentcore-mcp/example-server', bundle),
      installNode24(),
    ]);
    expect(execFileSync(node24, ['--version'], { encoding: 'utf8' })).toMatch(/^v24\./);
    // pnpm deploy and, the first time, the npm node@24 package: much longer while CI runs every suite.
  }, 300_000);
  afterAll(() => {
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
    'starts from the bundle alone under %s and answers a tools/call',
    async (_label, node) => {
      const app = await startServerProcess(node(), [join(bundle, 'dist/main.js')], {
        cwd: bundle,
        env: { NODE_ENV: 'production' },
      });
      try {
        const client = await connectMcpClient(app.url);
        const result = await client.callTool({
          name: 'echo_message',
          arguments: { message: 'from the bundle' },
        });
        expect(toolText(result)).toBe('Echo: from the bundle');
        await client.close();
      } finally {
        expect(await app.stop()).toBe(0);
      }
    },
    60_000,
  );
});
