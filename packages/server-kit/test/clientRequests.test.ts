import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  type CreateMessageRequest,
  CreateMessageRequestSchema,
  type ElicitRequest,
  ElicitRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';

import type { AgentCoreServer, SessionMode } from '../src/index.js';
import { connectClient, startFixtureServer } from './helpers.js';

/** Long enough never to trigger on a healthy run; short enough that a hang fails with a clear error. */
const HANG_GUARD = { timeout: 10_000 };

describe('requests from a tool to the client (sampling, elicitation)', () => {
  let server: AgentCoreServer | undefined;
  let client: Client | undefined;
  let lines: Record<string, unknown>[] = [];

  afterEach(async () => {
    await client?.close();
    await server?.close();
    client = undefined;
    server = undefined;
  });

  async function connect(mode: SessionMode, capabilities = {}): Promise<Client> {
    const started = await startFixtureServer({ mode });
    server = started.server;
    lines = started.lines;
    client = await connectClient(started.url, { capabilities });
    return client;
  }

  /** Answers sampling requests like an LLM would, and records them. */
  function answerSampling(target: Client): CreateMessageRequest['params'][] {
    const requests: CreateMessageRequest['params'][] = [];
    target.setRequestHandler(CreateMessageRequestSchema, ({ params }) => {
      requests.push(params);
      return {
        role: 'assistant',
        content: { type: 'text', text: 'forty-two' },
        model: 'test-model',
        stopReason: 'endTurn',
      };
    });
    return requests;
  }

  it('stateful: ctx.sample reaches the client and returns its completion', async () => {
    const target = await connect('stateful', { sampling: {} });
    const requests = answerSampling(target);
    const result = await target.callTool(
      { name: 'ask_model', arguments: { question: 'What is six times seven?' } },
      undefined,
      HANG_GUARD,
    );
    expect(result).toEqual({ content: [{ type: 'text', text: 'model said: forty-two' }] });
    expect(requests).toEqual([
      {
        messages: [{ role: 'user', content: { type: 'text', text: 'What is six times seven?' } }],
        maxTokens: 50,
      },
    ]);
  });

  it('stateful: ctx.elicit reaches the client and returns the user answer', async () => {
    const target = await connect('stateful', { elicitation: {} });
    const requests: ElicitRequest['params'][] = [];
    target.setRequestHandler(ElicitRequestSchema, ({ params }) => {
      requests.push(params);
      return { action: 'accept', content: { name: 'Ada' } };
    });
    const result = await target.callTool(
      { name: 'ask_user', arguments: {} },
      undefined,
      HANG_GUARD,
    );
    expect(result).toEqual({ content: [{ type: 'text', text: 'user accepted: {"name":"Ada"}' }] });
    expect(requests).toEqual([
      expect.objectContaining({
        message: 'What is your name?',
        requestedSchema: expect.objectContaining({ required: ['name'] }) as unknown,
      }),
    ]);
  });

  it('stateful: fails at once, naming the capability, when the client did not declare sampling', async () => {
    const target = await connect('stateful');
    const result = await target.callTool(
      { name: 'ask_model', arguments: { question: 'anyone there?' } },
      undefined,
      HANG_GUARD,
    );
    expect(result).toEqual({
      isError: true,
      content: [
        {
          type: 'text',
          text: 'Client does not support sampling (required for sampling/createMessage)',
        },
      ],
    });
  });

  it.each([
    ['ask_model', { question: 'anyone there?' }, 'sampling/createMessage'],
    ['ask_user', {}, 'elicitation/create'],
  ])(
    'stateless: %s fails at once with a clear error instead of waiting for an answer that cannot arrive',
    async (tool, args, method) => {
      const target = await connect('stateless', { sampling: {}, elicitation: {} });
      const requests = answerSampling(target);
      target.setRequestHandler(ElicitRequestSchema, () => {
        throw new Error('the server must not send elicitation/create in stateless mode');
      });
      const result = await target.callTool({ name: tool, arguments: args }, undefined, HANG_GUARD);
      expect(result).toEqual({
        isError: true,
        content: [
          {
            type: 'text',
            text: `Cannot send ${method} to the client: a stateless 2025 server never receives the answer; create the server with mode: 'stateful', or use a client that speaks MCP 2026-07-28`,
          },
        ],
      });
      expect(requests).toEqual([]);
      expect(lines).toContainEqual(
        expect.objectContaining({
          tool,
          outcome: 'error',
          err: expect.objectContaining({ code: 'ERR_CONFIG_INVALID' }) as unknown,
        }),
      );
    },
  );
});
