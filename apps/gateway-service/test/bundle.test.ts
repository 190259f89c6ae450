import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  connectMcpClient,
  deployBundle,
  spawnApp,
  type SpawnedApp,
  toolText,
} from '@agentcore-mcp/test-support';
import { describe, expect, it } from 'vitest';

import { startExternalServer } from './support/processes.js';

describe('the container content (pnpm deploy --prod bundle)', () => {
  it('starts from the bundle alone with GATEWAY_CONFIG and proxies a tools/call', async () => {
    const root = mkdtempSync(join(tmpdir(), 'gateway-service-bundle-'));
    let upstream: SpawnedApp | undefined;
    let gateway: SpawnedApp | undefined;
    try {
      const dir = await deployBundle('@agentcore-mcp/gateway-service', join(root, 'app'));
      upstream = await startExternalServer();
      gateway = await spawnApp(join(dir, 'dist/main.js'), {
        cwd: dir,
        env: {
          NODE_ENV: 'production',
          GATEWAY_CONFIG: JSON.stringify({ mcpServers: { external: { url: upstream.url } } }),
        },
      });
      const client = await connectMcpClient(gateway.url);
      const result = await client.callTool({
        name: 'external___external_echo',
        arguments: { message: 'from the bundle' },
      });
      expect(toolText(result)).toBe('External Server Echo: from the bundle');
      await client.close();
      expect(await gateway.stop()).toBe(0);
    } finally {
      await gateway?.stop();
      await upstream?.stop();
      rmSync(root, { recursive: true, force: true });
    }
    // pnpm deploy plus two process starts: seconds alone, much longer while CI runs every suite.
  }, 120_000);
});
