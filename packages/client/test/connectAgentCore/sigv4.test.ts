import { toolText } from '@agentcore-mcp/test-support';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AgentCoreClientError } from '../../src/agentCoreClientError.js';
import { connectAgentCore } from '../../src/connectAgentCore.js';
import {
  type FrontRequest,
  sendJson,
  startFront,
  startMcpServer,
  type TestFront,
  type TestMcpServer,
} from './helpers.js';

const ARN = 'arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/iam_server-AbCdEf1234';
const CREDENTIALS = { accessKeyId: 'AKID', secretAccessKey: 'test-secret-key' };
const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=AKID\/(\d{8})\/us-west-2\/bedrock-agentcore\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=[0-9a-f]{64}$/;

/** Recomputes the signature the way AWS does, from what arrived, and says why it does not match. */
async function checkSignature(request: FrontRequest, origin: string): Promise<string | undefined> {
  const authorization = String(request.headers.authorization ?? '');
  const match = AUTHORIZATION.exec(authorization);
  if (!match?.[2]) return `bad Authorization header: ${authorization}`;
  const amzDate = String(request.headers['x-amz-date']);
  const signingDate = new Date(
    amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'),
  );
  const headers: Record<string, string> = {};
  for (const name of match[2].split(';')) {
    // The body hash is recomputed from the body, as AWS does, rather than trusted.
    if (name !== 'x-amz-content-sha256') headers[name] = String(request.headers[name]);
  }
  const url = new URL(request.url, origin);
  const signer = new SignatureV4({
    service: 'bedrock-agentcore',
    region: 'us-west-2',
    credentials: CREDENTIALS,
    sha256: Sha256,
  });
  const expected = await signer.sign(
    new HttpRequest({
      method: request.method,
      protocol: url.protocol,
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body: request.body === '' ? undefined : request.body,
    }),
    { signingDate },
  );
  return expected.headers.authorization === authorization ? undefined : 'signature mismatch';
}

describe('connectAgentCore with SigV4', () => {
  let mcp: TestMcpServer;
  let front: TestFront;
  let checked = 0;

  beforeAll(async () => {
    mcp = await startMcpServer();
    // An IAM runtime: every request must carry a valid SigV4 signature for bedrock-agentcore.
    front = await startFront(mcp.url, async (request, res) => {
      const problem = await checkSignature(request, front.origin);
      if (problem) return sendJson(res, 403, { message: problem });
      checked += 1;
      return 'forward';
    });
  });
  afterAll(async () => {
    await front.close();
    await mcp.server.close();
  });

  it.each([
    // initialize, notifications/initialized, tools/call (and the GET stream)
    { protocol: 'legacy', requests: 3, eraHeaders: [] },
    // server/discover, tools/call; the 2026 headers are signed too
    { protocol: '2026-07-28', requests: 2, eraHeaders: ['mcp-method', 'mcp-protocol-version'] },
  ] as const)(
    'signs every request (method, path, query, headers, body) with the ARN region ($protocol)',
    async ({ protocol, requests, eraHeaders }) => {
      const before = front.requests.length;
      checked = 0;
      const client = await connectAgentCore({
        arn: ARN,
        endpoint: front.origin,
        protocol,
        sigv4: { credentials: CREDENTIALS },
      });
      try {
        const result = await client.callTool({ name: 'echo', arguments: { message: 'signed' } });
        expect(toolText(result)).toBe('Echo: signed');
        expect(checked).toBe(front.requests.length - before);
        expect(checked).toBeGreaterThanOrEqual(requests);
        const signedHeaders = AUTHORIZATION.exec(
          String(front.requests[before]?.headers.authorization),
        );
        expect(signedHeaders?.[2]?.split(';')).toEqual(
          expect.arrayContaining(['accept', 'content-type', 'host', 'x-amz-date', ...eraHeaders]),
        );
      } finally {
        await client.close();
      }
    },
  );

  it('signs with temporary credentials from a provider (x-amz-security-token)', async () => {
    const withToken = { ...CREDENTIALS, sessionToken: 'session-token' };
    const client = await connectAgentCore({
      arn: ARN,
      endpoint: front.origin,
      sigv4: { region: 'us-west-2', credentials: () => Promise.resolve(withToken) },
    });
    await client.close();
    const last = front.requests.at(-1);
    expect(last?.headers['x-amz-security-token']).toBe('session-token');
    expect(String(last?.headers.authorization)).toContain('x-amz-security-token');
  });

  it('turns a refused signature into ERR_FORBIDDEN naming the IAM permission', async () => {
    const error = await connectAgentCore({
      arn: ARN,
      endpoint: front.origin,
      sigv4: { credentials: { accessKeyId: 'AKID', secretAccessKey: 'wrong' } },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AgentCoreClientError);
    expect(error).toMatchObject({ code: 'ERR_FORBIDDEN', status: 403 });
    expect((error as Error).message).toMatch(/bedrock-agentcore:InvokeAgentRuntime/);
  });

  it('explains "Authorization method mismatch" (SigV4 against a JWT runtime)', async () => {
    const jwtRuntime = await startFront(undefined, (_request, res) =>
      sendJson(res, 403, { message: 'Authorization method mismatch' }),
    );
    try {
      const error = await connectAgentCore({
        arn: ARN,
        endpoint: jwtRuntime.origin,
        sigv4: { credentials: CREDENTIALS },
      }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'ERR_AUTH_METHOD_MISMATCH', status: 403 });
      expect((error as Error).message).toMatch(/JWT authorizer.*drop sigv4 and pass tokenProvider/);
    } finally {
      await jwtRuntime.close();
    }
  });
});
