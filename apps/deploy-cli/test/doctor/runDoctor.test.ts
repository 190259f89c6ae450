import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type AgentCoreServer, createAgentCoreServer, defineTool } from '@agentcore-mcp/server-kit';
import {
  type CognitoLocal,
  signCognitoLocalToken,
  startCognitoLocal,
} from '@agentcore-mcp/test-support';
import {
  BedrockAgentCoreControlClient,
  GetAgentRuntimeCommand,
  GetAgentRuntimeEndpointCommand,
} from '@aws-sdk/client-bedrock-agentcore-control';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';

import { setUpCognito } from '../../src/cognito/setUpCognito.js';
import { type DoctorOptions, type DoctorReport, runDoctor } from '../../src/doctor/runDoctor.js';
import {
  createRuntimeEmulator,
  type RuntimeEmulator,
} from '../../src/local/createRuntimeEmulator.js';
import type { RuntimeProject } from '../../src/project/projectConfig.js';
import { missingFromIamTable, recordMockedRequests } from '../docs/iamPermissionsTable.js';
import {
  ACCOUNT,
  launchedRuntime,
  RUNTIME_ARN,
  RUNTIME_ID,
  seedProject,
} from '../runtime/launchedRuntimeFixture.js';
import { testContext } from '../testContext.js';
import {
  type EraServer,
  startLegacyOnlyServer,
  startModernOnlyServer,
  startNotMcpServer,
} from './eraServers.js';

const IAM_ARN = `arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:runtime/iam_server-AbCdEf1234`;
const COLD_ARN = `arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:runtime/cold_server-AbCdEf1234`;
const LEGACY_ARN = `arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:runtime/legacy_server-AbCdEf1234`;
const MODERN_ARN = `arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:runtime/modern_server-AbCdEf1234`;
const NOT_MCP_ARN = `arn:aws:bedrock-agentcore:us-east-1:${ACCOUNT}:runtime/web_server-AbCdEf1234`;
const CALLER = `arn:aws:iam::${ACCOUNT}:user/dev`;

const sts = mockClient(STSClient);
const agentCore = mockClient(BedrockAgentCoreControlClient);
/** Every request the mocked clients got in this file, for the IAM table check at its end. */
const sentRequests = recordMockedRequests({ sts, 'bedrock-agentcore': agentCore });

describe('agentcore-mcp doctor', () => {
  let cognito: CognitoLocal;
  let server: AgentCoreServer;
  let emulator: RuntimeEmulator;
  let proxy: Server;
  let proxyEndpoint: string;
  const eraServers: EraServer[] = [];
  /** The Authorization and Mcp-Method headers of each request through the proxy. */
  const seen: { authorization: string | undefined; mcpMethod: string | undefined }[] = [];
  /** Makes the proxy drop Mcp-Method, as a misconfigured proxy would. */
  let dropMcpMethod = false;
  let cognitoDir: string;
  let authorizer: { discoveryUrl: string; allowedClients: string[] };
  let clientId: string;
  let issuer: string;
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'agentcore-mcp-doctor-'));
    dirs.push(dir);
    return dir;
  };

  beforeAll(async () => {
    vi.stubEnv('AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED', 'true');
    cognito = await startCognitoLocal();
    cognitoDir = tempDir();
    // A real user pool, app client and user in cognito-local, and the credentials file.
    const setup = await setUpCognito(
      { endpoint: cognito.endpoint, region: cognito.region, outDir: cognitoDir },
      testContext({ cwd: cognitoDir }),
    );
    clientId = setup.appClient.id;
    authorizer = { discoveryUrl: setup.discoveryUrl, allowedClients: [clientId] };
    issuer = cognito
      .discoveryUrl(setup.userPool.id)
      .replace('/.well-known/openid-configuration', '');

    server = createAgentCoreServer({
      name: 'doctor-target',
      version: '1.2.3',
      tools: [
        defineTool({
          name: 'add',
          description: 'Add two numbers',
          input: { a: z.number(), b: z.number() },
          handler: ({ a, b }) => a + b,
        }),
      ],
      host: '127.0.0.1',
      port: 0,
      logger: pino({ level: 'silent' }),
    });
    const { url } = await server.listen();
    const [legacyOnly, modernOnly, notMcp] = await Promise.all([
      startLegacyOnlyServer(),
      startModernOnlyServer(),
      startNotMcpServer(),
    ]);
    eraServers.push(legacyOnly, modernOnly, notMcp);
    emulator = await createRuntimeEmulator({
      port: 0,
      runtimes: [
        { arn: RUNTIME_ARN, target: url, authorizer },
        { arn: IAM_ARN, target: url },
        { arn: COLD_ARN, target: url, ready: Promise.resolve(false) },
        { arn: LEGACY_ARN, target: legacyOnly.url },
        { arn: MODERN_ARN, target: modernOnly.url },
        { arn: NOT_MCP_ARN, target: notMcp.url },
      ],
    });
    // Records the headers of each request on its way to the emulator.
    proxy = createServer((req, res) => {
      seen.push({
        authorization: req.headers.authorization,
        mcpMethod: req.headers['mcp-method'] as string | undefined,
      });
      if (dropMcpMethod) delete req.headers['mcp-method'];
      const target = new URL(emulator.endpoint);
      const upstream = request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyEndpoint = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    await new Promise<void>((resolve) => {
      proxy?.close(() => resolve());
      proxy?.closeAllConnections();
    });
    await emulator?.close();
    await server?.close();
    await Promise.all(eraServers.map((era) => era.close()));
    await cognito?.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(() => {
    sts.reset();
    agentCore.reset();
    sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT, Arn: CALLER });
  });

  const jwtRuntime = (): RuntimeProject =>
    launchedRuntime({ authorizer: { customJWTAuthorizer: authorizer } });

  function mockRuntime(
    runtime: Record<string, unknown> = {},
    endpoint: Record<string, unknown> = {},
  ): void {
    agentCore.on(GetAgentRuntimeCommand).resolves({
      agentRuntimeArn: RUNTIME_ARN,
      agentRuntimeId: RUNTIME_ID,
      agentRuntimeVersion: '3',
      status: 'READY',
      protocolConfiguration: { serverProtocol: 'MCP' },
      authorizerConfiguration: { customJWTAuthorizer: authorizer },
      ...runtime,
    });
    agentCore
      .on(GetAgentRuntimeEndpointCommand)
      .resolves({ name: 'DEFAULT', status: 'READY', liveVersion: '3', ...endpoint });
  }

  async function doctor(
    options: DoctorOptions,
    setup: { cwd?: string; runtime?: RuntimeProject; env?: NodeJS.ProcessEnv } = {},
  ): Promise<{ report: DoctorReport; lines: string[]; requests: string[] }> {
    const cwd = setup.cwd ?? tempDir();
    if (setup.runtime) seedProject(cwd, setup.runtime);
    const context = testContext({ cwd, env: setup.env ?? {} });
    const report = await runDoctor(options, context);
    expect(context.stderr).toEqual([]);
    return {
      report,
      lines: context.stdout,
      requests: context.aws.requests.map(({ service, operation }) => `${service}:${operation}`),
    };
  }

  it('passes every check with the token from setup-cognito, both MCP eras through the emulator', async () => {
    mockRuntime();

    const { report, lines, requests } = await doctor(
      { endpoint: emulator.endpoint },
      { cwd: cognitoDir, runtime: jwtRuntime() },
    );

    expect(lines).toHaveLength(7);
    expect(lines[0]).toBe(
      `✓ project: .agentcore-mcp.yaml configures example_server (us-east-1, JWT authorizer, launched as ${RUNTIME_ID})`,
    );
    expect(lines[1]).toBe(`✓ AWS credentials: ${CALLER} (account ${ACCOUNT}) in us-east-1`);
    expect(lines[2]).toBe(
      `✓ discovery URL: ${authorizer.discoveryUrl} has issuer ${issuer} and jwks_uri ${issuer}/.well-known/jwks.json`,
    );
    expect(lines[3]).toMatch(
      new RegExp(
        `^✓ token: ${cognitoDir}/\\.agentcore-mcp/cognito-credentials\\.json: valid for client ${clientId}, expires in \\d+ min$`,
      ),
    );
    expect(lines[4]).toBe(
      `✓ runtime READY: ${RUNTIME_ID} is READY (version 3), endpoint DEFAULT READY, MCP protocol, JWT auth`,
    );
    expect(lines[5]).toBe(
      `✓ MCP endpoint: doctor-target 1.2.3 answered at ${emulator.invocationUrl(RUNTIME_ARN)} (bearer token): MCP 2026-07-28 (server/discover) and 2025-11-25 (initialize)`,
    );
    expect(lines[6]).toBe('No problems found.');
    expect(report.ok).toBe(true);
    expect(requests).toEqual([
      'sts:GetCallerIdentity',
      'bedrock-agentcore:GetAgentRuntime',
      'bedrock-agentcore:GetAgentRuntimeEndpoint',
    ]);
    expect(agentCore.commandCalls(GetAgentRuntimeEndpointCommand)[0]?.args[0].input).toEqual({
      agentRuntimeId: RUNTIME_ID,
      endpointName: 'DEFAULT',
    });
  });

  it.each([
    ['--token', (token: string) => ({ options: { token }, env: {} })],
    ['BEARER_TOKEN', (token: string) => ({ options: {}, env: { BEARER_TOKEN: token } })],
  ])('checks the token from %s and never prints it', async (source, from) => {
    mockRuntime();
    const token = await signCognitoLocalToken(
      { sub: 'u1', client_id: clientId, token_use: 'access' },
      { issuer },
    );
    const { options, env } = from(token);

    const { report, lines } = await doctor(
      { ...options, endpoint: emulator.endpoint },
      { runtime: jwtRuntime(), env },
    );

    expect(lines[3]).toMatch(
      new RegExp(`^✓ token: ${source}: valid for client ${clientId}, expires in \\d+ min$`),
    );
    expect(lines[5]).toMatch(/^✓ MCP endpoint: doctor-target 1\.2\.3 answered at /);
    expect(lines.join('\n')).not.toContain(token);
    expect(report.ok).toBe(true);
  });

  it.each([
    [
      'expired',
      {},
      { expiresIn: -600 },
      /^✗ token: --token: Token expired at .*; fix: see docs\/troubleshooting\.md#token-rejected$/,
    ],
    [
      'expiring within 5 minutes',
      {},
      { expiresIn: 120 },
      /^✗ token: --token: the token expires in \d+ s \(.+\); fix: get a fresh one: agentcore-mcp token$/,
    ],
    [
      'of a client the authorizer does not allow',
      { client_id: 'someone-else' },
      {},
      /^✗ token: --token: Token client "someone-else" .*; fix: see docs\/troubleshooting\.md#token-rejected$/,
    ],
  ])('fails a token that is %s and skips initialize', async (_what, claims, signing, expected) => {
    mockRuntime();
    const token = await signCognitoLocalToken(
      { sub: 'u1', token_use: 'access', client_id: clientId, ...claims },
      { issuer, ...signing },
    );

    const { report, lines } = await doctor(
      { token, endpoint: emulator.endpoint },
      { runtime: jwtRuntime() },
    );

    expect(lines[3]).toMatch(expected);
    expect(lines[4]).toMatch(/^✓ runtime READY: /);
    expect(lines[5]).toBe(
      '– MCP endpoint: skipped, the runtime has a JWT authorizer and needs a valid token',
    );
    expect(lines[6]).toBe(
      '1 check failed: fix the first ✗ above, then run agentcore-mcp doctor again.',
    );
    expect(report.ok).toBe(false);
  });

  it('fails when there is no token anywhere', async () => {
    mockRuntime();

    const { report, lines } = await doctor({}, { runtime: jwtRuntime() });

    expect(lines[3]).toBe(
      '✗ token: no token: no --token, BEARER_TOKEN or .agentcore-mcp/cognito-credentials.json; fix: run agentcore-mcp setup-cognito, or eval "$(agentcore-mcp token --shell)"',
    );
    expect(report.ok).toBe(false);
  });

  it('fails a discovery URL that gives no discovery document and skips the token check', async () => {
    mockRuntime();
    const discoveryUrl = `${new URL(emulator.endpoint).origin}/nowhere/.well-known/openid-configuration`;
    const runtime = launchedRuntime({
      authorizer: { customJWTAuthorizer: { discoveryUrl, allowedClients: [clientId] } },
    });

    const { report, lines } = await doctor({ token: 'x.y.z' }, { runtime });

    expect(lines[2]).toBe(
      `✗ discovery URL: ${discoveryUrl} gave no OpenID discovery document (it answered HTTP 404); fix: correct discoveryUrl (agentcore-mcp configure --authorizer-config …), then launch again`,
    );
    expect(lines[3]).toBe('– token: skipped, needs the discovery URL');
    expect(lines[4]).toMatch(/^✓ runtime READY: /);
    expect(lines[5]).toBe(
      '– MCP endpoint: skipped, the runtime has a JWT authorizer and needs a valid token',
    );
    expect(report.ok).toBe(false);
  });

  it('probes an IAM runtime with SigV4, server/discover first, signed with the credentials of the AWS context', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDDOCTORTEST');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'doctor-test-secret');
    mockRuntime({ agentRuntimeArn: IAM_ARN, authorizerConfiguration: undefined });
    seen.length = 0;

    const { report, lines } = await doctor(
      { endpoint: proxyEndpoint },
      { runtime: launchedRuntime() },
    );

    expect(lines.slice(2, 6)).toEqual([
      '– discovery URL: skipped, the runtime uses IAM (SigV4) auth, not a JWT authorizer',
      '– token: skipped, the runtime uses IAM (SigV4) auth, not a JWT authorizer',
      `✓ runtime READY: ${RUNTIME_ID} is READY (version 3), endpoint DEFAULT READY, MCP protocol, IAM auth`,
      `✓ MCP endpoint: doctor-target 1.2.3 answered at ${proxyEndpoint}/runtimes/${encodeURIComponent(IAM_ARN)}/invocations?qualifier=DEFAULT (SigV4): MCP 2026-07-28 (server/discover) and 2025-11-25 (initialize)`,
    ]);
    // The 2026 probe, then the 2025 session: initialize, initialized, and the DELETE that closes it.
    expect(seen[0]?.mcpMethod).toBe('server/discover');
    expect(seen.length).toBeGreaterThan(1);
    for (const { authorization } of seen) {
      expect(authorization).toMatch(
        /^AWS4-HMAC-SHA256 Credential=AKIDDOCTORTEST\/\d{8}\/us-east-1\/bedrock-agentcore\/aws4_request, /,
      );
    }
    expect(report.ok).toBe(true);
  });

  describe('with a server of one MCP era', () => {
    /** The doctor's MCP line for an IAM runtime at `arn`, through `endpoint`. */
    async function endpointLine(
      arn: string,
      endpoint = emulator.endpoint,
    ): Promise<{ line: string | undefined; ok: boolean }> {
      vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDDOCTORTEST');
      vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'doctor-test-secret');
      mockRuntime({ agentRuntimeArn: arn, authorizerConfiguration: undefined });
      const { report, lines } = await doctor({ endpoint }, { runtime: launchedRuntime() });
      return { line: lines[5], ok: report.ok };
    }
    const urlOf = (arn: string, endpoint = emulator.endpoint) =>
      `${endpoint}/runtimes/${encodeURIComponent(arn)}/invocations?qualifier=DEFAULT`;

    it('passes a 2025-only server (v1 SDK), saying 2026 clients fall back to initialize', async () => {
      const { line, ok } = await endpointLine(LEGACY_ARN);

      expect(line).toBe(
        `✓ MCP endpoint: legacy-only 0.9.0 answered at ${urlOf(LEGACY_ARN)} (SigV4): MCP 2025-11-25 (initialize) only, no server/discover (HTTP 400, JSON-RPC -32000 Bad Request: Unsupported protocol version: 2026-07-28 (supported versions: 2025-11-25, 2025-06-18, 2025-03-26, 2024-11-05, 2024-10-07)); fine: 2026 clients in auto mode fall back to initialize`,
      );
      expect(ok).toBe(true);
    });

    it('passes a 2026-only server (v2 SDK), saying 2025 clients cannot connect', async () => {
      const { line, ok } = await endpointLine(MODERN_ARN);

      expect(line).toMatch(
        new RegExp(
          `^✓ MCP endpoint: modern-only 2\\.0\\.0 answered at ${literal(urlOf(MODERN_ARN))} \\(SigV4\\): MCP 2026-07-28 \\(server/discover\\) only; initialize failed \\(.*-32022.*\\), so 2025 clients cannot connect$`,
        ),
      );
      expect(ok).toBe(true);
    });

    it('fails an endpoint that answers neither server/discover nor initialize', async () => {
      const { line, ok } = await endpointLine(NOT_MCP_ARN);

      expect(line).toBe(
        `✗ MCP endpoint: ${urlOf(NOT_MCP_ARN)} answers neither server/discover (HTTP 404) nor initialize: Error POSTing to endpoint: Not Found; fix: agentcore-mcp --verbose invoke --arn ${NOT_MCP_ARN} tools/list`,
      );
      expect(ok).toBe(false);
    });

    it('fails a dual-era server behind a proxy that drops Mcp-Method: initialize works, 2026 clients get -32020', async () => {
      dropMcpMethod = true;
      try {
        const { line, ok } = await endpointLine(IAM_ARN, proxyEndpoint);

        expect(line).toMatch(
          new RegExp(
            `^✗ MCP endpoint: server/discover at ${literal(urlOf(IAM_ARN, proxyEndpoint))} was refused \\(HTTP 400, JSON-RPC -32020 .*\\), though doctor-target 1\\.2\\.3 answers initialize \\(SigV4\\): MCP 2026-07-28 clients get this error; fix: agentcore-mcp logs; a proxy between client and server must pass MCP-Protocol-Version and Mcp-Method$`,
          ),
        );
        expect(ok).toBe(false);
      } finally {
        dropMcpMethod = false;
      }
    });
  });

  it("reports a runtime that does not finish initializing with AgentCore's 424", async () => {
    mockRuntime({ agentRuntimeArn: COLD_ARN });
    const token = await signCognitoLocalToken(
      { sub: 'u1', client_id: clientId, token_use: 'access' },
      { issuer },
    );

    const { report, lines } = await doctor(
      { token, endpoint: emulator.endpoint },
      { runtime: jwtRuntime() },
    );

    expect(lines[5]).toMatch(
      /^✗ MCP endpoint: \S+ answers neither server\/discover \(HTTP 424\) nor initialize: .* answered 424 to initialize \(Runtime initialization time exceeded\. .*; fix: agentcore-mcp logs; docs\/troubleshooting\.md#runtime-initialization-timeout$/,
    );
    expect(report.ok).toBe(false);
  });

  it.each([
    [
      'CREATE_FAILED',
      { status: 'CREATE_FAILED', failureReason: 'Image architecture amd64 is not supported' },
      {},
      `✗ runtime READY: ${RUNTIME_ID} is CREATE_FAILED: Image architecture amd64 is not supported; fix: fix the cause (docs/troubleshooting.md#runtime-failed), then agentcore-mcp launch`,
    ],
    [
      'CREATING',
      { status: 'CREATING' },
      {},
      `✗ runtime READY: ${RUNTIME_ID} is CREATING; fix: wait a minute and run doctor again (docs/troubleshooting.md#runtime-stuck-creating)`,
    ],
    [
      'READY with its endpoint UPDATING',
      {},
      { status: 'UPDATING' },
      `✗ runtime READY: ${RUNTIME_ID} is READY but endpoint DEFAULT is UPDATING; fix: wait a minute and run doctor again (docs/troubleshooting.md#runtime-stuck-creating)`,
    ],
  ])('fails a runtime that is %s and skips initialize', async (_what, runtime, endpoint, line) => {
    mockRuntime(runtime, endpoint);

    const { report, lines } = await doctor(
      { endpoint: emulator.endpoint },
      { cwd: cognitoDir, runtime: jwtRuntime() },
    );

    expect(lines[4]).toBe(line);
    expect(lines[5]).toBe('– MCP endpoint: skipped, needs a READY runtime');
    expect(report.ok).toBe(false);
  });

  it('fails a runtime that was never launched, without asking AgentCore', async () => {
    const { report, lines, requests } = await doctor(
      {},
      { runtime: launchedRuntime({ deployment: undefined }) },
    );

    expect(lines[0]).toMatch(/IAM \(SigV4\) auth, not launched yet\)$/);
    expect(lines[4]).toBe(
      '✗ runtime READY: example_server has not been launched; fix: agentcore-mcp launch --name example_server (try --dry-run first)',
    );
    expect(requests).toEqual(['sts:GetCallerIdentity']);
    expect(report.ok).toBe(false);
  });

  it('fails on unusable AWS credentials with the hint as the fix, and skips the runtime', async () => {
    sts.on(GetCallerIdentityCommand).rejects(
      Object.assign(new Error('Could not load credentials from any providers'), {
        name: 'CredentialsProviderError',
      }),
    );

    const { report, lines } = await doctor({}, { runtime: launchedRuntime() });

    expect(lines[1]).toBe(
      '✗ AWS credentials: sts:GetCallerIdentity failed: CredentialsProviderError: Could not load credentials from any providers; fix: no usable AWS credentials; run aws sso login / aws configure and set AWS_PROFILE (or --profile), then run agentcore-mcp doctor',
    );
    expect(lines[4]).toBe('– runtime READY: skipped, needs AWS credentials');
    expect(lines[5]).toBe('– MCP endpoint: skipped, needs a READY runtime');
    expect(agentCore.calls()).toHaveLength(0);
    expect(report.ok).toBe(false);
  });

  it('fails without a project file and skips what needs it', async () => {
    const { report, lines } = await doctor({ region: 'us-east-1' });

    expect(lines).toEqual([
      expect.stringMatching(
        /^✗ project: no \.agentcore-mcp\.yaml in .+; fix: run agentcore-mcp configure -e <app directory>$/,
      ),
      `✓ AWS credentials: ${CALLER} (account ${ACCOUNT}) in us-east-1`,
      '– discovery URL: skipped, needs the project check',
      '– token: skipped, needs the project check',
      '– runtime READY: skipped, needs the project check',
      '– MCP endpoint: skipped, needs a READY runtime',
      '1 check failed: fix the first ✗ above, then run agentcore-mcp doctor again.',
    ]);
    expect(report.checks.map((check) => check.status)).toEqual([
      'fail',
      'pass',
      'skip',
      'skip',
      'skip',
      'skip',
    ]);
    expect(report.ok).toBe(false);
  });

  it('fails the AWS check for a --region that is not a region code, and sends nothing', async () => {
    const { report, lines, requests } = await doctor(
      { region: 'Frankfurt' },
      { runtime: launchedRuntime() },
    );

    expect(lines[1]).toBe(
      '✗ AWS credentials: --region "Frankfurt" is not an AWS region code; use one such as us-east-1 or eu-central-1; fix: check --region and --profile',
    );
    expect(lines[4]).toBe('– runtime READY: skipped, needs AWS credentials');
    expect(requests).toEqual([]);
    expect(report.ok).toBe(false);
  });

  it('fails an unknown --name, listing the configured runtimes', async () => {
    const { lines } = await doctor({ name: 'other' }, { runtime: launchedRuntime() });

    expect(lines[0]).toBe(
      '✗ project: no runtime "other" in .agentcore-mcp.yaml (configured: example_server); fix: pass --name, or run agentcore-mcp configure --name other',
    );
  });
});

/** `text` as a literal in a regular expression. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('the IAM table in docs/troubleshooting.md', () => {
  it('lists every action the requests of these tests need in the row of doctor', () => {
    expect(sentRequests().length).toBeGreaterThan(0);
    expect(missingFromIamTable(['doctor'], sentRequests())).toEqual([]);
  });
});
