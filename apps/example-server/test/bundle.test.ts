import { connectMcpClient, startDeployedApp, toolText } from '@agentcore-mcp/test-support';
import { describe, expect, it } from 'vitest';

describe('the container content (pnpm deploy --prod bundle)', () => {
  it('starts from the bundle alone and answers a tools/call', async () => {
    const app = await startDeployedApp('@agentcore-mcp/example-server');
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
    // pnpm deploy plus a process start: seconds alone, much longer while CI runs every suite.
  }, 120_000);
});
