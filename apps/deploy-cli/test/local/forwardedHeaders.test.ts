import { describe, expect, it } from 'vitest';

import { toForwardedHeaders } from '../../src/local/forwardedHeaders.js';

describe('toForwardedHeaders', () => {
  it('passes an Mcp-Param-* header when the allowlist names it, and drops the others', () => {
    const { headers } = toForwardedHeaders(
      {
        'mcp-method': 'tools/call',
        'mcp-param-region': 'eu-west-1',
        'mcp-param-tenant': 'acme',
      },
      ['Mcp-Param-Region'],
    );
    expect(headers['mcp-method']).toBe('tools/call');
    expect(headers['mcp-param-region']).toBe('eu-west-1');
    expect(headers['mcp-param-tenant']).toBeUndefined();
  });
});
