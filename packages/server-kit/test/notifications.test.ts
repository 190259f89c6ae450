import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  type LoggingMessageNotification,
  LoggingMessageNotificationSchema,
  type Progress,
} from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { AgentCoreServer, SessionMode } from '../src/index.js';
import { connectClient, startFixtureServer } from './helpers.js';

type LogParams = LoggingMessageNotification['params'];

/** What the `chatty` fixture tool logs, in order. */
const CHATTY_LOGS: LogParams[] = [
  { level: 'debug', logger: 'chatty', data: 'debug line' },
  { level: 'info', logger: 'chatty', data: { message: 'info line', data: { step: 1 } } },
  { level: 'warning', logger: 'chatty', data: 'warning line' },
];

describe('notifications sent while a tool runs', () => {
  let server: AgentCoreServer | undefined;
  let client: Client | undefined;

  afterEach(async () => {
    await client?.close();
    await server?.close();
    client = undefined;
    server = undefined;
  });

  async function connect(mode: SessionMode): Promise<{ client: Client; logs: LogParams[] }> {
    const started = await startFixtureServer({ mode });
    server = started.server;
    client = await connectClient(started.url);
    const logs: LogParams[] = [];
    client.setNotificationHandler(LoggingMessageNotificationSchema, (notification) => {
      logs.push(notification.params);
    });
    return { client, logs };
  }

  describe.each<SessionMode>(['stateless', 'stateful'])('%s mode', (mode) => {
    it('delivers ctx.log lines as notifications/message, every level by default', async () => {
      const { client, logs } = await connect(mode);
      const result = await client.callTool({ name: 'chatty', arguments: {} });
      expect(result.content).toEqual([{ type: 'text', text: 'chatted' }]);
      await vi.waitFor(() => expect(logs).toEqual(CHATTY_LOGS));
    });

    it('delivers ctx.reportProgress as notifications/progress to an onprogress callback', async () => {
      const { client } = await connect(mode);
      const progress: Progress[] = [];
      await client.callTool({ name: 'chatty', arguments: {} }, undefined, {
        onprogress: (update) => progress.push(update),
      });
      await vi.waitFor(() =>
        expect(progress).toEqual([
          { progress: 1, total: 2, message: 'halfway' },
          { progress: 2, total: 2, message: 'done' },
        ]),
      );
    });

    it('runs the tool normally when the client asked for no progress', async () => {
      const { client } = await connect(mode);
      const result = await client.callTool({ name: 'chatty', arguments: {} });
      expect(result.isError).toBeUndefined();
    });
  });

  it('stateful mode: logging/setLevel persists and filters out lower levels', async () => {
    const { client, logs } = await connect('stateful');
    await expect(client.setLoggingLevel('warning')).resolves.toEqual({});
    await client.callTool({ name: 'chatty', arguments: {} });
    await vi.waitFor(() => expect(logs).toContainEqual(CHATTY_LOGS[2]));
    expect(logs).toEqual([CHATTY_LOGS[2]]);

    logs.length = 0;
    await client.setLoggingLevel('error');
    await client.callTool({ name: 'add', arguments: { a: 1, b: 1 } });
    await client.callTool({ name: 'chatty', arguments: {} });
    expect(logs).toEqual([]);

    await client.setLoggingLevel('debug');
    await client.callTool({ name: 'chatty', arguments: {} });
    await vi.waitFor(() => expect(logs).toEqual(CHATTY_LOGS));
  });

  it('stateless mode: logging/setLevel is accepted but lasts only for its own request', async () => {
    const { client, logs } = await connect('stateless');
    await expect(client.setLoggingLevel('warning')).resolves.toEqual({});
    await client.callTool({ name: 'chatty', arguments: {} });
    await vi.waitFor(() => expect(logs).toEqual(CHATTY_LOGS));
  });
});
