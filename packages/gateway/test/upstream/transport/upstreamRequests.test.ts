import { describe, expect, it } from 'vitest';

import { UpstreamRequests } from '../../../src/upstream/transport/upstreamRequests.js';

const request = { jsonrpc: '2.0' as const, id: 7, method: 'tools/call', params: {} };
const answer = { jsonrpc: '2.0' as const, id: 7, result: {} };

describe('UpstreamRequests', () => {
  it('finds a request by the id passed as relatedRequestId until it is closed', () => {
    const requests = new UpstreamRequests();
    const alice = requests.open({ token: 'alice' });
    const bob = requests.open({ token: 'bob' });
    expect(alice.id).not.toBe(bob.id);
    expect(requests.find(request, { relatedRequestId: alice.id })).toEqual({ token: 'alice' });
    expect(requests.find(request, { relatedRequestId: bob.id })).toEqual({ token: 'bob' });
    alice.close();
    expect(requests.find(request, { relatedRequestId: alice.id })).toBeUndefined();
  });

  it("finds nothing for the gateway's own messages or for answers to the target's requests", () => {
    const requests = new UpstreamRequests();
    const open = requests.open({ token: 'alice' });
    expect(requests.find(request, undefined)).toBeUndefined();
    expect(requests.find(request, { relatedRequestId: 7 })).toBeUndefined();
    expect(requests.find(answer, { relatedRequestId: open.id })).toBeUndefined();
  });
});
