import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { AgentCoreMcpError } from '@agentcore-mcp/core';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { answerUnhandledErrors } from '../../src/http/answerUnhandledErrors.js';
import { createRecordingLogger } from '../helpers.js';

describe('answerUnhandledErrors', () => {
  const { logger, lines } = createRecordingLogger();
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const app = express();
    app.get('/client-error', () => {
      throw Object.assign(new Error('request entity too large'), { status: 413 });
    });
    app.get('/ours', () => {
      throw new AgentCoreMcpError('ERR_TIMEOUT', 'Target "slow" did not answer within 2000 ms');
    });
    app.get('/bug', () => {
      throw new TypeError('cannot read properties of undefined (secret detail)');
    });
    app.use(answerUnhandledErrors(logger));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it.each([
    ['/client-error', 413, { code: -32600, message: 'Bad request: request entity too large' }],
    [
      '/ours',
      504,
      {
        code: -32001,
        message: 'Target "slow" did not answer within 2000 ms',
        data: { code: 'ERR_TIMEOUT' },
      },
    ],
    ['/bug', 500, { code: -32603, message: 'Internal error; see the server log' }],
  ])('answers %s with HTTP %i and a JSON-RPC error', async (path, status, error) => {
    const response = await fetch(`${base}${path}`);
    expect(response.status).toBe(status);
    expect(await response.json()).toStrictEqual({ jsonrpc: '2.0', id: null, error });
  });

  it('logs what it answers as a server error, never what a client got wrong', () => {
    const logged = lines.filter((line) => line.msg === 'unhandled error').map((line) => line.path);
    expect(logged).toEqual(['/ours', '/bug']);
  });
});
