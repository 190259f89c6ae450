import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { connectMcpClient, deployBundle, spawnApp } from '@agentcore-mcp/test-support';
import { describe, expect, it } from 'vitest';

describe('the container content (pnpm deploy --prod bundle)', () => {
  it('starts from the bundle alone and answers a tools/call', async () => {
    const dir = await deployBundle(
      '@agentcore-mcp/example-server',
      join(mkdtempSync(join(tmpdir(), 'example-bundle-')), 'app'),
    );
    try {
      const app = await spawnApp(join(dir, 'dist/main.js'), {
        cwd: dir,
        env: { NODE_ENV: 'production' },
      });
      try {
        const client = await connectMcpClient(app.url);
        const result = await client.callTool({
          name: 'echo_message',
          arguments: { message: 'from the bundle' },
        });
        expect(result.content).toEqual([{ type: 'text', text: 'Echo: from the bundle' }]);
        await client.close();
      } finally {
        expect(await app.stop()).toBe(0);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
