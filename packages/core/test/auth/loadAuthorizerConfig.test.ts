import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { AgentCoreMcpError, loadAuthorizerConfig } from '../../src/index.js';

const DOCUMENT = {
  customJWTAuthorizer: {
    discoveryUrl:
      'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc/.well-known/openid-configuration',
    allowedClients: ['client-1'],
  },
};

describe('loadAuthorizerConfig (env AUTHORIZER_CONFIG)', () => {
  it.each([undefined, '', '   '])('means "no auth" for %j', (value) => {
    expect(loadAuthorizerConfig(value)).toBeUndefined();
  });

  it('parses inline JSON', () => {
    expect(loadAuthorizerConfig(JSON.stringify(DOCUMENT))).toEqual(DOCUMENT.customJWTAuthorizer);
  });

  it('reads a file path', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'authorizer-')), 'authorizer_config.json');
    writeFileSync(file, JSON.stringify(DOCUMENT));
    expect(loadAuthorizerConfig(file)).toEqual(DOCUMENT.customJWTAuthorizer);
  });

  it('names a missing file in one line with ERR_CONFIG_INVALID', () => {
    const error = (() => {
      try {
        loadAuthorizerConfig('/nonexistent/authorizer_config.json');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(AgentCoreMcpError);
    expect(error).toMatchObject({
      code: 'ERR_CONFIG_INVALID',
      message:
        'Cannot read the authorizer config file "/nonexistent/authorizer_config.json": ENOENT; set AUTHORIZER_CONFIG to inline JSON or an existing file',
    });
  });
});
