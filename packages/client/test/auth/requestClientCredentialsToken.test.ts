import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { AgentCoreMcpError } from '@agentcore-mcp/core';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { requestClientCredentialsToken, TokenProviderError } from '../../src/index.js';
import { type OAuthServer, RESOURCE, startOAuthServer } from './startOAuthServer.js';

/** A token endpoint on 127.0.0.1 that answers with whatever the current handler says. */
async function startTokenEndpoint(): Promise<{
  url: string;
  answer: (handler: (req: IncomingMessage, res: ServerResponse) => void) => void;
  bodies: string[];
  stop: () => Promise<void>;
}> {
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  const bodies: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      bodies.push(body);
      handler(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/oauth2/token`,
    answer: (next) => (handler = next),
    bodies,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const json = (status: number, body: unknown) => (_req: IncomingMessage, res: ServerResponse) =>
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

describe('requestClientCredentialsToken', () => {
  let oauth: OAuthServer;
  let endpoint: Awaited<ReturnType<typeof startTokenEndpoint>>;

  beforeAll(async () => {
    [oauth, endpoint] = await Promise.all([startOAuthServer(300), startTokenEndpoint()]);
  });
  afterAll(async () => {
    await Promise.all([oauth.stop(), endpoint.stop()]);
  });

  it('gets a JWT access token from a real OAuth server, with its expiry from exp', async () => {
    const { clientId, clientSecret } = oauth.clients.client_secret_basic;
    const before = oauth.tokenRequests();

    const token = await requestClientCredentialsToken({
      tokenUrl: oauth.tokenUrl,
      clientId,
      clientSecret,
      scopes: ['mcp:invoke'],
    });

    const claims = decodeJwt(token.accessToken);
    expect(claims).toMatchObject({ client_id: clientId, aud: RESOURCE, scope: 'mcp:invoke' });
    expect(token.expiresAt).toEqual(new Date(claims.exp! * 1000));
    expect(oauth.tokenRequests() - before).toBe(1);
  });

  it('reads expires_in for an opaque token, and sends the form the RFC asks for', async () => {
    endpoint.answer(json(200, { access_token: 'opaque', token_type: 'Bearer', expires_in: 600 }));
    const before = Date.now();

    const token = await requestClientCredentialsToken({
      tokenUrl: endpoint.url,
      clientId: 'm2m',
      clientSecret: 's3cret',
      scopes: ['a/b', 'c'],
      authMethod: 'client_secret_post',
    });

    expect(token.accessToken).toBe('opaque');
    expect(token.expiresAt!.getTime()).toBeGreaterThanOrEqual(before + 600_000);
    expect(token.expiresAt!.getTime()).toBeLessThanOrEqual(Date.now() + 600_000);
    expect(endpoint.bodies.at(-1)).toBe(
      'grant_type=client_credentials&scope=a%2Fb+c&client_id=m2m&client_secret=s3cret',
    );
  });

  it('leaves expiresAt undefined when the server says nothing about it', async () => {
    endpoint.answer(json(200, { access_token: 'opaque' }));
    await expect(
      requestClientCredentialsToken({ tokenUrl: endpoint.url, clientId: 'c', clientSecret: 's' }),
    ).resolves.toEqual({ accessToken: 'opaque', expiresAt: undefined });
  });

  it('sends through the given fetch', async () => {
    const seen: string[] = [];
    const token = await requestClientCredentialsToken({
      tokenUrl: 'https://auth.example/oauth2/token',
      clientId: 'c',
      clientSecret: 's',
      fetch: (input) => {
        seen.push(input instanceof URL ? input.href : JSON.stringify(input));
        return Promise.resolve(Response.json({ access_token: 'from-double', expires_in: 60 }));
      },
    });
    expect(token.accessToken).toBe('from-double');
    expect(seen).toEqual(['https://auth.example/oauth2/token']);
  });

  it('fails with a one-line TokenProviderError naming the OAuth error, with errorName', async () => {
    endpoint.answer(json(400, { error: 'unsupported_grant_type', error_description: 'no\nsuch' }));
    const error = await requestClientCredentialsToken({
      tokenUrl: `${endpoint.url}?secret=1`,
      clientId: 'c',
      clientSecret: 'hidden-secret',
    }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(TokenProviderError);
    expect(error).toMatchObject({
      code: 'ERR_TOKEN_REFRESH_FAILED',
      errorName: 'unsupported_grant_type',
      message: `Cannot get an access token from ${endpoint.url}: unsupported_grant_type (no such) — allow the client_credentials grant for this client`,
    });
    expect((error as Error).message).not.toContain('hidden-secret');
  });

  it.each([
    [
      'an OAuth error',
      json(401, { error: 'invalid_client' }),
      'invalid_client',
      'invalid_client — run setup again',
    ],
    [
      'an answer without an OAuth error',
      json(404, {}),
      'HTTP 404',
      'HTTP 404 without an OAuth error — run setup again',
    ],
  ])('lets the caller choose the hint for %s', async (_case, handler, errorName, problem) => {
    endpoint.answer(handler);
    const hinted: string[] = [];
    const error = await requestClientCredentialsToken({
      tokenUrl: endpoint.url,
      clientId: 'c',
      clientSecret: 's',
      hint: (name) => {
        hinted.push(name);
        return 'run setup again';
      },
    }).catch((caught: unknown) => caught);

    expect(hinted).toEqual([errorName]);
    expect(error).toMatchObject({
      errorName,
      message: `Cannot get an access token from ${endpoint.url}: ${problem}`,
    });
  });

  it('names the socket error of an unreachable endpoint', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const tokenUrl = `http://127.0.0.1:${port}/oauth2/token`;

    const error = await requestClientCredentialsToken({
      tokenUrl,
      clientId: 'c',
      clientSecret: 's',
      hint: (name) => (name === 'ECONNREFUSED' ? 'start the server' : undefined),
    }).catch((caught: unknown) => caught);

    expect(error).toMatchObject({
      errorName: 'ECONNREFUSED',
      message: `Cannot get an access token from ${tokenUrl}: ECONNREFUSED — start the server`,
    });
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  it('gives up after timeoutMs', async () => {
    endpoint.answer(() => undefined); // never answers
    await expect(
      requestClientCredentialsToken({
        tokenUrl: endpoint.url,
        clientId: 'c',
        clientSecret: 's',
        timeoutMs: 200,
      }),
    ).rejects.toMatchObject({
      errorName: 'TimeoutError',
      message: `Cannot get an access token from ${endpoint.url}: no answer within 0.2 s — check tokenUrl and that the server is up`,
    });
  });

  it.each([
    [{ tokenUrl: 'not a url' }, 'tokenUrl is not an absolute http(s) URL'],
    [{ clientSecret: '' }, 'clientSecret is empty'],
    [{ timeoutMs: 0 }, 'timeoutMs 0 is not a positive number'],
  ])('rejects %j with ERR_CONFIG_INVALID', async (extra, problem) => {
    const error = await requestClientCredentialsToken({
      tokenUrl: endpoint.url,
      clientId: 'c',
      clientSecret: 's',
      ...extra,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AgentCoreMcpError);
    expect(error).toMatchObject({
      code: 'ERR_CONFIG_INVALID',
      message: expect.stringContaining(
        `Invalid client-credentials token request: ${problem}`,
      ) as unknown,
    });
  });
});
