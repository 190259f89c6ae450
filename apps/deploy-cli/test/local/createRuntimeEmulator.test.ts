import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import {
  type CognitoLocal,
  signCognitoLocalToken,
  startCognitoLocal,
} from '@agentcore-mcp/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  createRuntimeEmulator,
  type NewRuntimeSession,
  type RuntimeEmulator,
} from '../../src/local/createRuntimeEmulator.js';

const ARN =
  'arn:aws:bedrock-agentcore:us-west-2:776504808937:runtime/strands_agent_inbound_identity-xibPa64Jxi';
const SECURED_ARN =
  'arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/secured_server-AbCdEf1234';
const CLIENT = 'emulator-client';
const MCP_HEADERS = {
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
};
const BODY = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' });

/** A stand-in MCP server that records what reached it and answers like a streamable HTTP server. */
async function startRecordingUpstream(): Promise<{
  url: string;
  seen: IncomingHttpHeaders[];
  close(): Promise<void>;
}> {
  const seen: IncomingHttpHeaders[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(req.headers);
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write('event: message\n');
    setTimeout(() => res.end('data: {"jsonrpc":"2.0","id":1,"result":{"tools":[]}}\n\n'), 20);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on: bound once, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the local AgentCore Runtime emulator', () => {
  let upstream: Awaited<ReturnType<typeof startRecordingUpstream>>;
  let cognito: CognitoLocal;
  let emulator: RuntimeEmulator;
  let issuer: string;

  let deadTarget: string;
  const newSessions: NewRuntimeSession[] = [];

  beforeAll(async () => {
    deadTarget = `http://127.0.0.1:${await closedPort()}/mcp`;
    upstream = await startRecordingUpstream();
    cognito = await startCognitoLocal();
    const discoveryUrl = cognito.discoveryUrl('local_emupool');
    issuer = discoveryUrl.replace('/.well-known/openid-configuration', '');
    emulator = await createRuntimeEmulator({
      port: 0,
      runtimes: [
        {
          arn: ARN,
          target: upstream.url,
          requestHeaderAllowlist: ['X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant'],
        },
        {
          arn: SECURED_ARN,
          target: upstream.url,
          authorizer: { discoveryUrl, allowedClients: [CLIENT] },
        },
        { arn: ARN, qualifier: 'staging', target: deadTarget },
      ],
      onNewSession: (session) => newSessions.push(session),
    });
  });
  afterAll(async () => {
    await emulator.close();
    await cognito.stop();
    await upstream.close();
  });

  it('serves the exact invocation URL shape, with the ARN percent-encoded', () => {
    expect(emulator.invocationUrl(ARN)).toBe(
      `${emulator.endpoint}/runtimes/arn%3Aaws%3Abedrock-agentcore%3Aus-west-2%3A776504808937%3Aruntime%2Fstrands_agent_inbound_identity-xibPa64Jxi/invocations?qualifier=DEFAULT`,
    );
  });

  it('forwards to the runtime, streams the answer back and injects the platform session headers', async () => {
    const response = await fetch(emulator.invocationUrl(ARN), {
      method: 'POST',
      headers: MCP_HEADERS,
      body: BODY,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(await response.text()).toContain('"result":{"tools":[]}');
    const sessionId = response.headers.get('mcp-session-id');
    expect(sessionId?.length).toBeGreaterThanOrEqual(33);
    const reached = upstream.seen.at(-1)!;
    expect(reached['mcp-session-id']).toBe(sessionId);
    expect(reached['x-amzn-bedrock-agentcore-runtime-session-id']).toBe(sessionId);
    expect(reached['x-amzn-bedrock-agentcore-runtime-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps the session id the client sends back', async () => {
    const sessionId = 'client-kept-session-0123456789abcdef0123';
    const response = await fetch(emulator.invocationUrl(ARN), {
      method: 'POST',
      headers: { ...MCP_HEADERS, 'mcp-session-id': sessionId },
      body: BODY,
    });
    await response.text();
    expect(response.headers.get('mcp-session-id')).toBe(sessionId);
    expect(upstream.seen.at(-1)?.['x-amzn-bedrock-agentcore-runtime-session-id']).toBe(sessionId);
  });

  it('starts a runtime session only for a request that names none (microVM affinity)', async () => {
    const post = (headers: Record<string, string> = {}) =>
      fetch(emulator.invocationUrl(ARN), {
        method: 'POST',
        headers: { ...MCP_HEADERS, ...headers },
        body: BODY,
      });
    const before = newSessions.length;
    const first = await post();
    await first.text();
    const sessionId = first.headers.get('mcp-session-id')!;
    for (let call = 0; call < 3; call += 1) {
      const again = await post({ 'mcp-session-id': sessionId });
      await again.text();
      expect(again.headers.get('mcp-session-id')).toBe(sessionId);
    }
    expect(newSessions.slice(before)).toEqual([{ arn: ARN, qualifier: 'DEFAULT', sessionId }]);
  });

  it('forwards only protocol and allowlisted headers', async () => {
    await (
      await fetch(emulator.invocationUrl(ARN), {
        method: 'POST',
        headers: {
          ...MCP_HEADERS,
          authorization: 'Bearer not-for-the-server',
          'x-amzn-bedrock-agentcore-runtime-custom-tenant': 'acme',
          'x-amzn-bedrock-agentcore-runtime-custom-other': 'dropped',
          'x-forwarded-for': '203.0.113.9',
        },
        body: BODY,
      })
    ).text();
    const reached = upstream.seen.at(-1)!;
    expect(reached['x-amzn-bedrock-agentcore-runtime-custom-tenant']).toBe('acme');
    expect(reached.authorization).toBeUndefined();
    expect(reached['x-amzn-bedrock-agentcore-runtime-custom-other']).toBeUndefined();
    expect(reached['x-forwarded-for']).toBeUndefined();
  });

  it('forwards the MCP 2026-07-28 standard headers, and Mcp-Param-* only when allowlisted', async () => {
    await (
      await fetch(emulator.invocationUrl(ARN), {
        method: 'POST',
        headers: {
          ...MCP_HEADERS,
          'mcp-protocol-version': '2026-07-28',
          'mcp-method': 'tools/call',
          'mcp-name': 'get_weather',
          'mcp-param-region': 'eu-west-1',
        },
        body: BODY,
      })
    ).text();
    const reached = upstream.seen.at(-1)!;
    expect(reached['mcp-protocol-version']).toBe('2026-07-28');
    expect(reached['mcp-method']).toBe('tools/call');
    expect(reached['mcp-name']).toBe('get_weather');
    expect(reached['mcp-param-region']).toBeUndefined();
  });

  it('answers an unknown runtime or qualifier with 404 and says how to add it', async () => {
    const other = ARN.replace('xibPa64Jxi', 'zzzzzzzzzz');
    const response = await fetch(emulator.invocationUrl(other), {
      method: 'POST',
      headers: MCP_HEADERS,
      body: BODY,
    });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { message: string }).message).toBe(
      `No runtime ${other} (qualifier DEFAULT) in this emulator: add it with --runtime ${other}=<MCP server URL>`,
    );
  });

  it('answers 502 naming the target when the runtime is not running', async () => {
    const response = await fetch(emulator.invocationUrl(ARN, 'staging'), {
      method: 'POST',
      headers: MCP_HEADERS,
      body: BODY,
    });
    expect(response.status).toBe(502);
    expect(((await response.json()) as { message: string }).message).toBe(
      `Runtime target ${deadTarget} is not reachable (ECONNREFUSED): is the MCP server running?`,
    );
  });

  describe('a runtime with a customJWTAuthorizer', () => {
    it('answers a missing token with 401 and AgentCore-style resource_metadata', async () => {
      const response = await fetch(emulator.invocationUrl(SECURED_ARN), {
        method: 'POST',
        headers: MCP_HEADERS,
        body: BODY,
      });
      expect(response.status).toBe(401);
      const metadataUrl = `${emulator.endpoint}/runtimes/${encodeURIComponent(SECURED_ARN)}/invocations/.well-known/oauth-protected-resource?qualifier=DEFAULT`;
      expect(response.headers.get('www-authenticate')).toBe(
        `Bearer resource_metadata="${metadataUrl}"`,
      );
      const metadata = (await (await fetch(metadataUrl)).json()) as Record<string, unknown>;
      expect(metadata).toEqual({
        resource: emulator.invocationUrl(SECURED_ARN),
        authorization_servers: [issuer],
        bearer_methods_supported: ['header'],
      });
    });

    it('lets a valid token through without forwarding it, and refuses another client', async () => {
      const good = await signCognitoLocalToken(
        { sub: 'u', client_id: CLIENT, token_use: 'access' },
        { issuer },
      );
      const ok = await fetch(emulator.invocationUrl(SECURED_ARN), {
        method: 'POST',
        headers: { ...MCP_HEADERS, authorization: `Bearer ${good}` },
        body: BODY,
      });
      expect(ok.status).toBe(200);
      await ok.text();
      expect(upstream.seen.at(-1)?.authorization).toBeUndefined();

      const wrong = await signCognitoLocalToken(
        { sub: 'u', client_id: 'intruder', token_use: 'access' },
        { issuer },
      );
      const refused = await fetch(emulator.invocationUrl(SECURED_ARN), {
        method: 'POST',
        headers: { ...MCP_HEADERS, authorization: `Bearer ${wrong}` },
        body: BODY,
      });
      expect(refused.status).toBe(401);
      expect(refused.headers.get('www-authenticate')).toMatch(
        /^Bearer error="invalid_token", error_description="Token client \\"intruder\\" is not allowed/,
      );
    });
  });
});
