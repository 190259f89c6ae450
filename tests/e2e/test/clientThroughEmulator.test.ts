import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import {
  AgentCoreClientError,
  connectAgentCore,
  createStaticTokenProvider,
  type TokenProvider,
} from '@agentcore-mcp/client';
import { type AgentCoreServer, createAgentCoreServer, defineTool } from '@agentcore-mcp/server-kit';
import {
  type CognitoLocal,
  type RuntimeEmulatorProcess,
  signCognitoLocalToken,
  startCognitoLocal,
  startRuntimeEmulator,
  toolText,
} from '@agentcore-mcp/test-support';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';

const STATELESS_ARN =
  'arn:aws:bedrock-agentcore:us-west-2:776504808937:runtime/stateless_server-Stateless1';
const STATEFUL_ARN =
  'arn:aws:bedrock-agentcore:us-west-2:776504808937:runtime/stateful_server-Stateful01';
const CLIENT = 'e2e-client';
const TENANT_HEADER = 'X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant';

const tools = [
  defineTool({
    name: 'echo',
    description: 'Echo',
    input: { text: z.string() },
    handler: ({ text }) => `echo: ${text}`,
  }),
  defineTool({
    name: 'runtime_info',
    description: 'What reached the server',
    handler: (_args, context) => context.runtime,
  }),
];

function cliPath(): string {
  const manifest = createRequire(import.meta.url).resolve('@agentcore-mcp/cli/package.json');
  return join(dirname(manifest), 'dist', 'cli.js');
}

describe('connectAgentCore → agentcore-mcp local → server-kit (by ARN, with a JWT authorizer)', () => {
  let cognito: CognitoLocal;
  let issuer: string;
  let emulator: RuntimeEmulatorProcess;
  const servers: AgentCoreServer[] = [];
  const validToken = () =>
    signCognitoLocalToken({ sub: 'user-1', client_id: CLIENT, token_use: 'access' }, { issuer });

  beforeAll(async () => {
    cognito = await startCognitoLocal();
    const discoveryUrl = cognito.discoveryUrl('local_e2epool');
    issuer = discoveryUrl.replace('/.well-known/openid-configuration', '');
    const runtimes = new Map<string, string>();
    for (const [arn, mode] of [
      [STATELESS_ARN, 'stateless'],
      [STATEFUL_ARN, 'stateful'],
    ] as const) {
      const server = createAgentCoreServer({
        name: mode,
        version: '1.0.0',
        tools,
        mode,
        host: '127.0.0.1',
        port: 0,
        logger: pino({ level: 'silent' }),
      });
      servers.push(server);
      runtimes.set(arn, (await server.listen()).url);
    }
    emulator = await startRuntimeEmulator({
      cliPath: cliPath(),
      runtimes,
      authorizerConfig: JSON.stringify({
        customJWTAuthorizer: { discoveryUrl, allowedClients: [CLIENT] },
      }),
      requestHeaderAllowlist: TENANT_HEADER,
    });
  });
  afterAll(async () => {
    await emulator.stop();
    await Promise.all(servers.map((server) => server.close()));
    await cognito.stop();
  });

  it('calls tools with a good token; the server sees the platform session and only allowlisted headers', async () => {
    const client = await connectAgentCore({
      arn: STATELESS_ARN,
      endpoint: emulator.endpoint,
      tokenProvider: createStaticTokenProvider(await validToken()),
      headers: {
        [TENANT_HEADER]: 'acme',
        'X-Amzn-Bedrock-AgentCore-Runtime-Custom-Secret': 'not-allowlisted',
      },
    });
    try {
      expect(toolText(await client.callTool({ name: 'echo', arguments: { text: 'hi' } }))).toBe(
        'echo: hi',
      );
      const runtime = JSON.parse(
        toolText(await client.callTool({ name: 'runtime_info', arguments: {} })),
      ) as {
        sessionId: string;
        headers: Record<string, string>;
      };
      expect(runtime.sessionId.length).toBeGreaterThanOrEqual(33);
      expect(runtime.headers['x-amzn-bedrock-agentcore-runtime-custom-tenant']).toBe('acme');
      expect(runtime.headers['x-amzn-bedrock-agentcore-runtime-custom-secret']).toBeUndefined();
      expect(runtime.headers.authorization).toBeUndefined();
    } finally {
      await client.close();
    }
  });

  it('fails without a token with a one-line ERR_UNAUTHORIZED that says how to get one', async () => {
    const error = await connectAgentCore({ arn: STATELESS_ARN, endpoint: emulator.endpoint }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AgentCoreClientError);
    expect(error).toMatchObject({ code: 'ERR_UNAUTHORIZED', status: 401 });
    expect((error as Error).message).toMatch(/agentcore-mcp token/);
    expect((error as Error).message).not.toContain('\n');
  });

  it('refreshes an expired token once through the TokenProvider and succeeds', async () => {
    const expired = await signCognitoLocalToken(
      { sub: 'user-1', client_id: CLIENT },
      { issuer, expiresIn: -3600 },
    );
    const fresh = await validToken();
    const calls: boolean[] = [];
    const tokenProvider: TokenProvider = {
      getToken: (options) => {
        calls.push(options?.forceRefresh === true);
        return Promise.resolve(
          options?.forceRefresh ? fresh : calls.some(Boolean) ? fresh : expired,
        );
      },
    };
    const client = await connectAgentCore({
      arn: STATELESS_ARN,
      endpoint: emulator.endpoint,
      tokenProvider,
    });
    try {
      expect(
        toolText(await client.callTool({ name: 'echo', arguments: { text: 'after refresh' } })),
      ).toBe('echo: after refresh');
      expect(calls.filter(Boolean)).toHaveLength(1);
    } finally {
      await client.close();
    }
  });

  it('re-initializes once when a stateful runtime forgets the session (microVM recycled)', async () => {
    // MCP sessions exist in the 2025 era only.
    const client = await connectAgentCore({
      arn: STATEFUL_ARN,
      endpoint: emulator.endpoint,
      tokenProvider: createStaticTokenProvider(await validToken()),
      protocol: 'legacy',
    });
    try {
      const before = JSON.parse(
        toolText(await client.callTool({ name: 'runtime_info', arguments: {} })),
      ) as { headers: Record<string, string> };
      const sessionId = before.headers['mcp-session-id']!;
      // The server adopted the platform's session id; end that session behind the client's back.
      const statefulUrl = servers[1]!.address!.url;
      const ended = await fetch(statefulUrl, {
        method: 'DELETE',
        headers: { 'mcp-session-id': sessionId },
      });
      expect(ended.status).toBe(200);
      expect(
        toolText(await client.callTool({ name: 'echo', arguments: { text: 'still here' } })),
      ).toBe('echo: still here');
      const after = JSON.parse(
        toolText(await client.callTool({ name: 'runtime_info', arguments: {} })),
      ) as { headers: Record<string, string> };
      expect(after.headers['mcp-session-id']).not.toBe(sessionId);
    } finally {
      await client.close();
    }
  });

  // AgentCore routes requests with the same Mcp-Session-Id to the same microVM. The emulator logs
  // each runtime session it has to start (a request without one); the server sees the session id
  // the platform forwards. One connection must stay on one session in both eras.
  it.each([
    ['auto', 'modern'],
    ['2026-07-28', 'modern'],
    ['legacy', 'legacy'],
  ] as const)(
    'keeps one runtime session across calls (microVM affinity), protocol %s',
    async (protocol, era) => {
      const before = emulator.newSessions.length;
      const client = await connectAgentCore({
        arn: STATELESS_ARN,
        endpoint: emulator.endpoint,
        tokenProvider: createStaticTokenProvider(await validToken()),
        protocol,
      });
      const seen: string[] = [];
      try {
        expect(client.getProtocolEra()).toBe(era);
        for (let call = 0; call < 4; call += 1) {
          const runtime = JSON.parse(
            toolText(await client.callTool({ name: 'runtime_info', arguments: {} })),
          ) as { sessionId: string };
          seen.push(runtime.sessionId);
        }
        expect(toolText(await client.callTool({ name: 'echo', arguments: { text: 'x' } }))).toBe(
          'echo: x',
        );
      } finally {
        await client.close();
      }
      const [session] = seen;
      expect(session).toMatch(/^\S{33,}$/);
      expect(seen).toEqual(Array<string>(4).fill(session!));
      await vi.waitFor(() => expect(emulator.newSessions).toContain(session));
      expect(emulator.newSessions.slice(before)).toEqual([session]);
    },
  );
});
