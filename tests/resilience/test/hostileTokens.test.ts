import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { findLeakedSecrets } from './support/findLeakedSecrets.js';
import {
  buildTokenCases,
  TOKEN_TEST_AUDIENCE,
  TOKEN_TEST_CLIENT,
  TOKEN_TEST_SCOPE,
  type TokenCase,
  type TokenVerdict,
} from './support/hostileTokens.js';
import { MCP_POST_HEADERS, postJsonRpc, toolCallBody } from './support/postJsonRpc.js';
import { startSurfaces, type SurfaceName, type Surfaces } from './support/startSurfaces.js';
import { startTestIssuer, type TestIssuer } from './support/testIssuer.js';

/** An RFC 9110 quoted-string. */
const QUOTED = String.raw`"(?:[^"\\]|\\.)*"`;
const CHALLENGES: Record<Exclude<TokenVerdict, 'accepted'>, { status: number; header: RegExp }> = {
  missing: { status: 401, header: new RegExp(`^Bearer resource_metadata=${QUOTED}$`) },
  invalid_token: {
    status: 401,
    header: new RegExp(
      `^Bearer error="invalid_token", error_description=${QUOTED}, resource_metadata=${QUOTED}$`,
    ),
  },
  insufficient_scope: {
    status: 403,
    header: new RegExp(
      `^Bearer error="insufficient_scope", error_description=${QUOTED}, resource_metadata=${QUOTED}$`,
    ),
  },
};
const SURFACES: readonly SurfaceName[] = ['server-kit', 'gateway', 'emulator'];

describe('hostile bearer tokens at server-kit, the gateway and the AgentCore emulator', () => {
  const lines: string[] = [];
  let issuer: TestIssuer;
  let surfaces: Surfaces;
  let cases: TokenCase[];

  beforeAll(async () => {
    issuer = await startTestIssuer();
    cases = await buildTokenCases(issuer);
    surfaces = await startSurfaces({
      jwt: {
        discoveryUrl: issuer.discoveryUrl,
        allowedClients: [TOKEN_TEST_CLIENT],
        allowedAudience: [TOKEN_TEST_AUDIENCE],
        allowedScopes: [TOKEN_TEST_SCOPE],
      },
      lines,
    });
  });
  afterAll(async () => {
    await surfaces?.stop();
    await issuer?.stop();
  });

  it('builds a table that covers every attack, with a token of at least 10 KB', () => {
    expect(cases.map((tokenCase) => tokenCase.verdict)).toEqual(
      expect.arrayContaining(['missing', 'invalid_token', 'insufficient_scope', 'accepted']),
    );
    const longest = Math.max(...cases.map((tokenCase) => tokenCase.token?.length ?? 0));
    expect(longest).toBeGreaterThanOrEqual(10 * 1024);
  });

  describe.each(SURFACES)('%s', (name) => {
    it('answers every case of the table with the right status and WWW-Authenticate', async () => {
      const { url, echoTool } = surfaces.get(name);
      const wrong: string[] = [];
      for (const tokenCase of cases) {
        const problem = await checkCase({ url, echoTool }, tokenCase);
        if (problem !== undefined) wrong.push(`${tokenCase.name}: ${problem}`);
      }
      expect(wrong).toEqual([]);
    });

    it('serves the RFC 9728 metadata its 401 points at, naming the issuer', async () => {
      const { url } = surfaces.get(name);
      const answer = await postJsonRpc(url, toolCallBody(1, 'x', {}));
      const metadataUrl = /resource_metadata="([^"]+)"/.exec(
        answer.headers.get('www-authenticate') ?? '',
      )?.[1];
      expect(metadataUrl).toBeDefined();
      const metadata = (await (await fetch(metadataUrl ?? '')).json()) as {
        authorization_servers?: string[];
      };
      expect(metadata.authorization_servers).toEqual([issuer.issuer]);
    });
  });

  it('never writes a token into any log line of the three surfaces and their upstream', () => {
    expect(lines.length).toBeGreaterThan(0);
    expect(
      findLeakedSecrets(
        lines,
        cases.map((tokenCase) => tokenCase.token),
      ),
    ).toEqual([]);
  });
});

/** Sends one case as a tools/call and says what was wrong with the answer, if anything. */
async function checkCase(
  { url, echoTool }: { url: string; echoTool: string },
  tokenCase: TokenCase,
): Promise<string | undefined> {
  const target = tokenCase.query ? `${url}${url.includes('?') ? '&' : '?'}${tokenCase.query}` : url;
  const headers: Record<string, string> = { ...MCP_POST_HEADERS };
  if (tokenCase.authorization !== undefined) headers.authorization = tokenCase.authorization;
  const answer = await postJsonRpc(
    target,
    toolCallBody(7, echoTool, { message: 'hostile' }),
    headers,
  );
  const challenge = answer.headers.get('www-authenticate');
  if (tokenCase.verdict === 'accepted') {
    const text = answer.messages[0]?.result?.content;
    if (answer.status !== 200)
      return `expected 200, got ${answer.status} ${answer.text.slice(0, 200)}`;
    return JSON.stringify(text) === JSON.stringify([{ type: 'text', text: 'Echo: hostile' }])
      ? undefined
      : `expected the echo, got ${answer.text.slice(0, 200)}`;
  }
  const expected = CHALLENGES[tokenCase.verdict];
  if (answer.status !== expected.status) {
    return `expected ${expected.status}, got ${answer.status} ${answer.text.slice(0, 200)}`;
  }
  if (challenge === null || !expected.header.test(challenge)) {
    return `WWW-Authenticate ${JSON.stringify(challenge)} does not match ${String(expected.header)}`;
  }
  const token = tokenCase.token;
  if (token !== undefined && (answer.text.includes(token) || challenge.includes(token))) {
    return 'the answer echoes the token';
  }
  return undefined;
}
