import { type AgentCoreServer, createAgentCoreServer, defineTool } from '@agentcore-mcp/server-kit';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';

import { findLeakedSecrets } from './support/findLeakedSecrets.js';
import {
  MCP_POST_HEADERS,
  postJsonRpc,
  type RpcAnswer,
  toolCallBody,
} from './support/postJsonRpc.js';
import { startSurfaces, type Surfaces } from './support/startSurfaces.js';
import { type IssuerKey, startTestIssuer, type TestIssuer } from './support/testIssuer.js';

/** The in-process server's JWKS refetch cooldown (the apps use core's default, 30 s). */
const JWKS_COOLDOWN_MS = 300;

const echo = defineTool({
  name: 'echo_message',
  description: 'Echo',
  input: { message: z.string() },
  handler: ({ message }) => `Echo: ${message}`,
});

describe('the identity provider down, and its keys rotated', () => {
  const lines: string[] = [];
  const tokens: string[] = [];
  let issuer: TestIssuer;
  let surfaces: Surfaces;
  let server: AgentCoreServer;
  let serverUrl: string;
  const sign = async (claims?: Record<string, unknown>, key?: IssuerKey) => {
    const token = await issuer.sign(claims, key);
    tokens.push(token);
    return token;
  };
  const callWith = (url: string, tool: string, token: string) =>
    postJsonRpc(url, toolCallBody(1, tool, { message: 'hi' }), {
      ...MCP_POST_HEADERS,
      authorization: `Bearer ${token}`,
    });
  const endpoints = () => [
    ...surfaces.all.map((surface) => ({
      name: surface.name,
      url: surface.url,
      tool: surface.echoTool,
    })),
    { name: 'server-kit in process', url: serverUrl, tool: 'echo_message' },
  ];

  beforeAll(async () => {
    issuer = await startTestIssuer();
    const jwt = { discoveryUrl: issuer.discoveryUrl };
    surfaces = await startSurfaces({ jwt, lines });
    server = createAgentCoreServer({
      name: 'idp-faults',
      version: '1.0.0',
      tools: [echo],
      host: '127.0.0.1',
      port: 0,
      auth: { jwt, verify: { jwksCooldownMs: JWKS_COOLDOWN_MS } },
      logger: pino({ level: 'info' }, { write: (line: string) => void lines.push(line) }),
    });
    serverUrl = (await server.listen()).url;
  });
  afterAll(async () => {
    await server?.close();
    await surfaces?.stop();
    await issuer?.stop();
  });

  it('keeps accepting tokens with cached keys while the provider is down', async () => {
    for (const { name, url, tool } of endpoints())
      expect(echoed(await callWith(url, tool, await sign())), name).toBe('Echo: hi');
    await issuer.stop();
    for (const { name, url, tool } of endpoints()) {
      for (let attempt = 0; attempt < 3; attempt += 1)
        expect(
          echoed(await callWith(url, tool, await sign({ sub: `user-${attempt}` }))),
          name,
        ).toBe('Echo: hi');
    }
  });

  it('answers 503 with Retry-After, not 401, when the provider is down and nothing is cached', async () => {
    const fresh = await startSurfaces({ jwt: { discoveryUrl: issuer.discoveryUrl }, lines });
    try {
      for (const surface of fresh.all) {
        const answer = await callWith(surface.url, surface.echoTool, await sign());
        expect(answer.status, surface.name).toBe(503);
        expect(answer.headers.get('retry-after'), surface.name).toBe('5');
        expect(answer.text, surface.name).toContain('Cannot verify tokens right now');
      }
    } finally {
      await fresh.stop();
    }
  });

  it('answers a token with an unknown kid 503 while the provider is down, since it cannot check', async () => {
    const rotated = await issuer.createKey();
    const answer = await callWith(serverUrl, 'echo_message', await sign({}, rotated));
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBe('5');
  });

  it('fetches the new key once the provider is back with rotated keys, and refuses the retired one', async () => {
    const retired = issuer.currentKey;
    const rotated = await issuer.createKey();
    issuer.publish(rotated);
    await issuer.start();
    await new Promise((resolve) => setTimeout(resolve, JWKS_COOLDOWN_MS));
    const fetchesBefore = issuer.jwksRequests;
    expect(echoed(await callWith(serverUrl, 'echo_message', await sign({}, rotated)))).toBe(
      'Echo: hi',
    );
    expect(issuer.jwksRequests).toBe(fetchesBefore + 1);
    // More tokens with the new kid: served from the refreshed cache, no more fetches.
    for (let attempt = 0; attempt < 5; attempt += 1)
      expect(echoed(await callWith(serverUrl, 'echo_message', await sign({}, rotated)))).toBe(
        'Echo: hi',
      );
    expect(issuer.jwksRequests).toBe(fetchesBefore + 1);
    const old = await callWith(serverUrl, 'echo_message', await sign({}, retired));
    expect(old.status).toBe(401);
    expect(old.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
  });

  it('never logs a token', () => {
    expect(lines.length).toBeGreaterThan(0);
    expect(findLeakedSecrets(lines, tokens)).toEqual([]);
  });
});

function echoed(answer: RpcAnswer): string | undefined {
  const content = answer.messages[0]?.result?.content as { text?: string }[] | undefined;
  return content?.[0]?.text ?? `HTTP ${answer.status} ${answer.text.slice(0, 200)}`;
}
