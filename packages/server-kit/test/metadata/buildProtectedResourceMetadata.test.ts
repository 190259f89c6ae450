import { describe, expect, it } from 'vitest';

import { buildProtectedResourceMetadata } from '../../src/metadata/index.js';

const DISCOVERY = 'https://issuer.example/pool_1/.well-known/openid-configuration';

describe('buildProtectedResourceMetadata', () => {
  it('names the resource and the issuer of the discovery URL, with bearer tokens in the header', () => {
    expect(
      buildProtectedResourceMetadata('https://api.example/mcp', { discoveryUrl: DISCOVERY }),
    ).toStrictEqual({
      resource: 'https://api.example/mcp',
      authorization_servers: ['https://issuer.example/pool_1'],
      bearer_methods_supported: ['header'],
    });
  });

  it("advertises the authorizer's allowed scopes", () => {
    expect(
      buildProtectedResourceMetadata('https://api.example/mcp', {
        discoveryUrl: DISCOVERY,
        allowedScopes: ['mcp/invoke'],
      }),
    ).toMatchObject({ scopes_supported: ['mcp/invoke'] });
  });

  it('lets the options override every field', () => {
    expect(
      buildProtectedResourceMetadata(
        'https://api.example/mcp',
        { discoveryUrl: DISCOVERY, allowedScopes: ['a'] },
        {
          resource: 'urn:mine',
          authorizationServers: ['https://other.example'],
          scopesSupported: ['b'],
        },
      ),
    ).toStrictEqual({
      resource: 'urn:mine',
      authorization_servers: ['https://other.example'],
      scopes_supported: ['b'],
      bearer_methods_supported: ['header'],
    });
  });
});
