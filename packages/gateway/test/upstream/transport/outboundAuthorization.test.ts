import type { TokenProvider } from '@agentcore-mcp/client';
import { describe, expect, it } from 'vitest';

import {
  createOutboundAuthorization,
  sendAuthorized,
} from '../../../src/upstream/transport/outboundAuthorization.js';
import { httpTarget } from '../../support/httpTarget.js';

function tokenProvider(): { provider: TokenProvider; asked: boolean[] } {
  const asked: boolean[] = [];
  const provider: TokenProvider = {
    getToken: (options) => {
      asked.push(options?.forceRefresh === true);
      return Promise.resolve(options?.forceRefresh ? 'fresh' : 'cached');
    },
  };
  return { provider, asked };
}

const oauth = {
  tokenUrl: 'http://127.0.0.1:1/token',
  clientId: 'id',
  clientSecret: 'secret',
  scopes: [],
  authMethod: 'client_secret_basic' as const,
};

describe('createOutboundAuthorization', () => {
  it("sends a token provider's token, over forwardClientToken, refreshed on demand", async () => {
    const { provider, asked } = tokenProvider();
    const authorization = createOutboundAuthorization(
      httpTarget({ forwardClientToken: true, oauth }),
      provider,
    );
    expect(authorization?.retriesUnauthorized).toBe(true);
    expect(await authorization?.header({ token: 'caller' }, false)).toBe('Bearer cached');
    expect(await authorization?.header(undefined, true)).toBe('Bearer fresh');
    expect(asked).toEqual([false, true]);
  });

  it('makes a client-credentials provider for oauth when none is given', () => {
    expect(createOutboundAuthorization(httpTarget({ oauth }), undefined)).toMatchObject({
      retriesUnauthorized: true,
    });
  });

  it("sends the caller's own token, and nothing for the gateway's own messages", async () => {
    const authorization = createOutboundAuthorization(
      httpTarget({ forwardClientToken: true }),
      undefined,
    );
    expect(authorization?.retriesUnauthorized).toBe(false);
    expect(await authorization?.header({ token: 'abc' }, false)).toBe('Bearer abc');
    expect(await authorization?.header({}, false)).toBeUndefined();
    expect(await authorization?.header(undefined, false)).toBeUndefined();
  });

  it('sends nothing for a target without credentials, or a stdio target', () => {
    expect(createOutboundAuthorization(httpTarget(), undefined)).toBeUndefined();
    expect(
      createOutboundAuthorization(
        {
          kind: 'stdio',
          name: 'files',
          prefix: 'files',
          tools: { allow: ['*'], deny: [] },
          timeoutMs: 1000,
          protocol: 'legacy',
          command: 'node',
          args: [],
          env: {},
          cwd: undefined,
        },
        tokenProvider().provider,
      ),
    ).toBeUndefined();
  });
});

describe('sendAuthorized', () => {
  const steps = (statuses: number[], sent: (string | undefined)[], discarded: number[]) => ({
    send: (header: string | undefined) => {
      sent.push(header);
      return Promise.resolve(statuses.shift() ?? 200);
    },
    isUnauthorized: (status: number) => status === 401,
    discard: (status: number) => void discarded.push(status),
  });

  it('discards a 401 and resends once with a fresh token when the credential can be refreshed', async () => {
    const sent: (string | undefined)[] = [];
    const discarded: number[] = [];
    const authorization = createOutboundAuthorization(httpTarget(), tokenProvider().provider);
    expect(await sendAuthorized(authorization, undefined, steps([401, 401], sent, discarded))).toBe(
      401,
    );
    expect(sent).toEqual(['Bearer cached', 'Bearer fresh']);
    expect(discarded).toEqual([401]);
  });

  it("returns a 401 as it is when the credential is the caller's own", async () => {
    const sent: (string | undefined)[] = [];
    const discarded: number[] = [];
    const authorization = createOutboundAuthorization(
      httpTarget({ forwardClientToken: true }),
      undefined,
    );
    expect(
      await sendAuthorized(authorization, { token: 'abc' }, steps([401], sent, discarded)),
    ).toBe(401);
    expect(sent).toEqual(['Bearer abc']);
    expect(discarded).toEqual([]);
  });

  it('sends without a header when the target has no credential', async () => {
    const sent: (string | undefined)[] = [];
    expect(await sendAuthorized(undefined, { token: 'abc' }, steps([401], sent, []))).toBe(401);
    expect(sent).toEqual([undefined]);
  });
});
