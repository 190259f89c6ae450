import {
  type CognitoLocal,
  signCognitoLocalToken,
  startCognitoLocal,
  toolText,
} from '@agentcore-mcp/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AgentCoreClientError } from '../../src/agentCoreClientError.js';
import type { GetTokenOptions, TokenProvider } from '../../src/auth/tokenProvider.js';
import { connectAgentCore } from '../../src/connectAgentCore.js';
import { startMcpServer, type TestMcpServer } from './helpers.js';

const POOL = 'local_clientpool';
const CLIENT = 'allowed-client-1234';

describe('connectAgentCore with bearer auth (server-kit + cognito-local as issuer)', () => {
  let cognito: CognitoLocal;
  let issuer: string;
  let mcp: TestMcpServer;
  const token = (expiresIn: number, clientId = CLIENT) =>
    signCognitoLocalToken(
      { sub: 'user-1', username: 'alice', client_id: clientId, token_use: 'access' },
      { issuer, expiresIn },
    );

  /** A provider that caches like the real ones: `stale` until forced, then `fresh`. */
  const createProvider = (stale: string, fresh: string) => {
    const provider = {
      refreshes: 0,
      current: stale,
      getToken: (options?: GetTokenOptions): Promise<string> => {
        if (options?.forceRefresh) {
          provider.refreshes += 1;
          provider.current = fresh;
        }
        return Promise.resolve(provider.current);
      },
    };
    return provider satisfies TokenProvider;
  };

  beforeAll(async () => {
    cognito = await startCognitoLocal();
    const discoveryUrl = cognito.discoveryUrl(POOL);
    issuer = discoveryUrl.replace('/.well-known/openid-configuration', '');
    mcp = await startMcpServer({ auth: { jwt: { discoveryUrl, allowedClients: [CLIENT] } } });
  });
  afterAll(async () => {
    await mcp.server.close();
    await cognito.stop();
  });

  it('refreshes an expired token once after a 401 and succeeds', async () => {
    const expired = await token(-60);
    const valid = await token(3600);
    const provider = createProvider(expired, valid);
    const client = await connectAgentCore({ url: mcp.url, tokenProvider: provider });
    try {
      const result = await client.callTool({ name: 'echo', arguments: { message: 'authorized' } });
      expect(toolText(result)).toBe('Echo: authorized');
      expect(provider.refreshes).toBe(1);
    } finally {
      await client.close();
    }
  });

  it.each([
    ['legacy', 'initialize'],
    ['auto', 'server/discover'],
  ] as const)(
    'fails with ERR_UNAUTHORIZED naming `agentcore-mcp token` when no token is sent (%s)',
    async (protocol, opening) => {
      const error = await connectAgentCore({ url: mcp.url, protocol }).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(AgentCoreClientError);
      expect(error).toMatchObject({ code: 'ERR_UNAUTHORIZED', status: 401 });
      const { message } = error as Error;
      expect(message).toContain(`401 to ${opening}`);
      expect(message).toMatch(/no bearer token was sent.*`agentcore-mcp token`/);
      expect(message).not.toContain('\n');
    },
  );

  it('gives the server error_description, never the token, when the refresh does not help', async () => {
    const wrongClient = await token(3600, 'some-other-client');
    const provider = createProvider(wrongClient, wrongClient);
    const error = await connectAgentCore({ url: mcp.url, tokenProvider: provider }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'ERR_UNAUTHORIZED', status: 401 });
    const { message } = error as Error;
    expect(message).toMatch(/\(.*client.*\).*expired or rejected.*`agentcore-mcp token`/);
    expect(message).not.toContain(wrongClient);
    expect(message).not.toContain(wrongClient.split('.')[1]);
    expect(provider.refreshes).toBe(1);
  });
});
