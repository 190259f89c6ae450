import {
  Client as ClientV2,
  StreamableHTTPClientTransport as StreamableHTTPClientTransportV2,
} from '@modelcontextprotocol/client';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type AgentCoreServer, defineTool } from '../src/index.js';
import { MCP_POST_HEADERS, startFixtureServer } from './helpers.js';
import { type LocalIssuer, startLocalIssuer } from './localIssuer.js';

const POOL = 'local_authpool';
const CLIENT = 'allowed-client-1234';

const principalTool = defineTool({
  name: 'whoami_principal',
  description: 'Returns the verified caller',
  handler: (_args, context) => context.principal ?? 'anonymous',
});

/** An RFC 9110 quoted-string: escaped quotes and backslashes allowed inside. */
const QUOTED_STRING = String.raw`"(?:[^"\\]|\\.)*"`;

const callBody = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'tools/call',
  params: { name: 'whoami_principal', arguments: {} },
});

describe('bearer-token auth with AgentCore customJWTAuthorizer semantics (a Cognito-like issuer)', () => {
  let cognito: LocalIssuer;
  let issuer: string;
  let server: AgentCoreServer;
  let url: string;
  let origin: string;
  let lines: Record<string, unknown>[];
  const post = (headers: Record<string, string> = {}) =>
    fetch(url, { method: 'POST', headers: { ...MCP_POST_HEADERS, ...headers }, body: callBody });
  const token = (
    claims: Record<string, unknown> = {},
    options: { issuer?: string; expiresIn?: number } = {},
  ) =>
    cognito.sign(
      {
        sub: 'user-1',
        username: 'alice',
        client_id: CLIENT,
        token_use: 'access',
        scope: 'aws.cognito.signin.user.admin',
        ...claims,
      },
      { issuer, ...options },
    );

  beforeAll(async () => {
    cognito = await startLocalIssuer();
    const discoveryUrl = cognito.discoveryUrl(POOL);
    issuer = discoveryUrl.replace('/.well-known/openid-configuration', '');
    ({ server, url, lines } = await startFixtureServer({
      tools: [principalTool],
      auth: { jwt: { discoveryUrl, allowedClients: [CLIENT] } },
    }));
    origin = new URL(url).origin;
  });
  afterAll(async () => {
    await server.close();
    await cognito.close();
  });

  it('lets the real MCP client in with a valid token and hands the principal to tools', async () => {
    const client = new Client({ name: 'auth-test', version: '1.0.0' });
    const bearer = await token();
    await client.connect(
      new StreamableHTTPClientTransport(new URL(url), {
        requestInit: { headers: { authorization: `Bearer ${bearer}` } },
      }),
    );
    try {
      const result = await client.callTool({ name: 'whoami_principal', arguments: {} });
      const [block] = result.content as { type: string; text: string }[];
      const principal = JSON.parse(block!.text) as Record<string, unknown>;
      expect(principal).toMatchObject({
        subject: 'user-1',
        username: 'alice',
        clientId: CLIENT,
        issuer,
        scopes: ['aws.cognito.signin.user.admin'],
      });
    } finally {
      await client.close();
    }
  });

  it('hands the principal to tools on MCP 2026-07-28 requests too, and caches lists privately', async () => {
    const client = new ClientV2(
      { name: 'auth-test-2026', version: '1.0.0' },
      { versionNegotiation: { mode: { pin: '2026-07-28' } } },
    );
    const bearer = await token();
    await client.connect(
      new StreamableHTTPClientTransportV2(new URL(url), {
        requestInit: { headers: { authorization: `Bearer ${bearer}` } },
      }),
    );
    try {
      expect(client.getProtocolEra()).toBe('modern');
      const result = await client.callTool({ name: 'whoami_principal', arguments: {} });
      const [block] = result.content as { type: string; text: string }[];
      expect(JSON.parse(block!.text)).toMatchObject({ subject: 'user-1', clientId: CLIENT });
      const listed = await fetch(url, {
        method: 'POST',
        headers: {
          ...MCP_POST_HEADERS,
          authorization: `Bearer ${bearer}`,
          'mcp-protocol-version': '2026-07-28',
          'mcp-method': 'tools/list',
        },
        body: JSON.stringify({
          jsonrpc: '2.0',
          id: 2,
          method: 'tools/list',
          params: {
            _meta: {
              'io.modelcontextprotocol/protocolVersion': '2026-07-28',
              'io.modelcontextprotocol/clientCapabilities': {},
            },
          },
        }),
      });
      expect(((await listed.json()) as { result: object }).result).toMatchObject({
        cacheScope: 'private',
      });
    } finally {
      await client.close();
    }
  });

  it('answers a request without a token with 401 and the RFC 9728 resource_metadata pointer', async () => {
    const response = await post();
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(
      `Bearer resource_metadata="${origin}/.well-known/oauth-protected-resource"`,
    );
    expect(await response.json()).toMatchObject({
      error: {
        code: -32000,
        message:
          'Unauthorized: send Authorization: Bearer <access token> (get one with agentcore-mcp token)',
        data: { code: 'ERR_TOKEN_MISSING' },
      },
    });
  });

  it('serves the protected resource metadata document', async () => {
    for (const path of [
      '/.well-known/oauth-protected-resource',
      '/.well-known/oauth-protected-resource/mcp',
    ]) {
      const response = await fetch(`${origin}${path}`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        resource: url,
        authorization_servers: [issuer],
        bearer_methods_supported: ['header'],
      });
    }
  });

  it.each([
    [
      'a token from another pool',
      () => token({}, { issuer: issuer.replace(POOL, 'local_otherpool') }),
      /issuer/i,
    ],
    [
      'a token for another client',
      () => token({ client_id: 'someone-else' }),
      /client "someone-else" is not allowed/,
    ],
    ['an expired token', () => token({}, { expiresIn: -3600 }), /expired/i],
    ['a tampered token', async () => tamper(await token()), /signature|invalid/i],
    ['an unsigned token (alg none)', async () => unsigned(await token()), /alg|algorithm|invalid/i],
    ['garbage', () => Promise.resolve('not-a-jwt'), /invalid|malformed|JWT/i],
  ])(
    'rejects %s with 401 invalid_token and a description',
    async (_case, makeToken, description) => {
      const bearer = await makeToken();
      const response = await post({ authorization: `Bearer ${bearer}` });
      expect(response.status).toBe(401);
      const header = response.headers.get('www-authenticate') ?? '';
      expect(header).toMatch(
        new RegExp(
          `^Bearer error="invalid_token", error_description=${QUOTED_STRING}, resource_metadata="`,
        ),
      );
      const body = (await response.json()) as { error: { message: string } };
      expect(body.error.message).toMatch(/^Unauthorized: /);
      expect(body.error.message).toMatch(description);
      expect(JSON.stringify(lines)).not.toContain(bearer);
      expect(header).not.toContain(bearer);
    },
  );

  it('rejects a non-Bearer scheme with 401', async () => {
    const response = await post({ authorization: 'Basic dXNlcjpwYXNz' });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
  });

  it('logs rejections with their reason code and never the token', () => {
    const rejections = lines.filter((line) => line.outcome === 'unauthorized');
    expect(rejections.length).toBeGreaterThanOrEqual(7);
    expect(rejections.map((line) => line.reason)).toEqual(
      expect.arrayContaining(['ERR_TOKEN_MISSING', 'ERR_TOKEN_EXPIRED', 'ERR_TOKEN_WRONG_CLIENT']),
    );
  });
});

describe('scopes and an unreachable identity provider', () => {
  let cognito: LocalIssuer;
  beforeAll(async () => {
    cognito = await startLocalIssuer();
  });
  afterAll(() => cognito.close());

  it('answers a token without a required scope with 403 insufficient_scope', async () => {
    const discoveryUrl = cognito.discoveryUrl(POOL);
    const { server, url } = await startFixtureServer({
      tools: [principalTool],
      auth: { jwt: { discoveryUrl, allowedClients: [CLIENT], allowedScopes: ['mcp/invoke'] } },
    });
    try {
      const issuer = discoveryUrl.replace('/.well-known/openid-configuration', '');
      const withScope = await cognito.sign(
        { sub: 'u', client_id: CLIENT, scope: 'mcp/invoke' },
        { issuer },
      );
      const withoutScope = await cognito.sign(
        { sub: 'u', client_id: CLIENT, scope: 'openid' },
        { issuer },
      );
      const ok = await fetch(url, {
        method: 'POST',
        headers: { ...MCP_POST_HEADERS, authorization: `Bearer ${withScope}` },
        body: callBody,
      });
      expect(ok.status).toBe(200);
      const denied = await fetch(url, {
        method: 'POST',
        headers: { ...MCP_POST_HEADERS, authorization: `Bearer ${withoutScope}` },
        body: callBody,
      });
      expect(denied.status).toBe(403);
      expect(denied.headers.get('www-authenticate')).toMatch(
        new RegExp(
          `^Bearer error="insufficient_scope", error_description=${QUOTED_STRING}, resource_metadata="`,
        ),
      );
      expect(((await denied.json()) as { error: { message: string } }).error.message).toMatch(
        /^Forbidden: .*"mcp\/invoke"/,
      );
      const metadata = (await (
        await fetch(new URL('/.well-known/oauth-protected-resource', url))
      ).json()) as Record<string, unknown>;
      expect(metadata.scopes_supported).toEqual(['mcp/invoke']);
    } finally {
      await server.close();
    }
  });

  it('answers 503 with Retry-After when the issuer cannot be reached and nothing is cached', async () => {
    const { server, url } = await startFixtureServer({
      tools: [principalTool],
      auth: {
        jwt: {
          discoveryUrl: 'http://127.0.0.1:9/pool/.well-known/openid-configuration',
          allowedClients: [CLIENT],
        },
      },
    });
    try {
      const bearer = await cognito.sign(
        { sub: 'u', client_id: CLIENT },
        { issuer: 'http://127.0.0.1:9/pool' },
      );
      const response = await fetch(url, {
        method: 'POST',
        headers: { ...MCP_POST_HEADERS, authorization: `Bearer ${bearer}` },
        body: callBody,
      });
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
        /^Cannot verify tokens right now: /,
      );
    } finally {
      await server.close();
    }
  });
});

function tamper(jwt: string): string {
  const [header, payload, signature] = jwt.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<
    string,
    unknown
  >;
  claims.username = 'mallory';
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
}

function unsigned(jwt: string): string {
  const [, payload] = jwt.split('.') as [string, string];
  return `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
}
