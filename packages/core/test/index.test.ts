import { describe, expect, it } from 'vitest';

import * as core from '../src/index.js';

describe('the public API', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(core).sort()).toEqual([
      'AGENTCORE_RULES',
      'AgentCoreMcpError',
      'CUSTOM_HEADER_PREFIX',
      'DEFAULT_QUALIFIER',
      'ERROR_WIRE_CODES',
      'JSON_RPC_CODES',
      'JsonRpcError',
      'MAX_HEADER_ALLOWLIST_SIZE',
      'MAX_HEADER_NAME_LENGTH',
      'MAX_RUNTIME_NAME_LENGTH',
      'RESTRICTED_REQUEST_HEADERS',
      'RESTRICTED_REQUEST_HEADER_PREFIXES',
      'assertQualifier',
      'assertRuntimeName',
      'backoffDelayMs',
      'buildInvocationUrl',
      'buildProtectedResourceMetadataUrl',
      'createJwtAuthorizer',
      'findAwsStringProblem',
      'firstLine',
      'formatRuntimeArn',
      'httpStatusOf',
      'isAwsRegion',
      'isHeaderAllowed',
      'isQualifier',
      'isRuntimeArn',
      'isRuntimeName',
      'loadAuthorizerConfig',
      'parseAuthorizerConfig',
      'parseHeaderAllowlist',
      'parseInvocationUrl',
      'parsePort',
      'parseRegion',
      'parseRetryAfter',
      'parseRuntimeArn',
      'readBearerToken',
      'readListenAddress',
      'resendWithFreshToken',
      'resolveRegion',
      'sleep',
      'toAgentCoreMcpError',
      'toBearerRejection',
      'toJsonRpcError',
      'toRuntimeName',
    ]);
  });
});
