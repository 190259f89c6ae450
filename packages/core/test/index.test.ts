import { describe, expect, it } from 'vitest';

import * as core from '../src/index.js';

describe('the public API', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(core).sort()).toEqual([
      'AgentCoreMcpError',
      'CUSTOM_HEADER_PREFIX',
      'DEFAULT_QUALIFIER',
      'MAX_HEADER_ALLOWLIST_SIZE',
      'MAX_HEADER_NAME_LENGTH',
      'MAX_RUNTIME_NAME_LENGTH',
      'RESTRICTED_REQUEST_HEADERS',
      'RESTRICTED_REQUEST_HEADER_PREFIXES',
      'assertQualifier',
      'assertRuntimeName',
      'buildInvocationUrl',
      'buildProtectedResourceMetadataUrl',
      'createJwtAuthorizer',
      'formatRuntimeArn',
      'isHeaderAllowed',
      'isQualifier',
      'isRuntimeArn',
      'isRuntimeName',
      'loadAuthorizerConfig',
      'parseAuthorizerConfig',
      'parseHeaderAllowlist',
      'parseInvocationUrl',
      'parseRuntimeArn',
      'readBearerToken',
      'toAgentCoreMcpError',
      'toBearerRejection',
      'toRuntimeName',
    ]);
  });
});
