import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { type ConfigureOptions, configureRuntime } from '../../src/configure/configureRuntime.js';
import { PROJECT_CONFIG_FILE, type RuntimeProject } from '../../src/project/projectConfig.js';
import { readProjectConfig, writeProjectConfig } from '../../src/project/projectConfigFile.js';
import type { Prompts } from '../../src/prompts.js';
import { type TestContext, testContext } from '../testContext.js';

const APP = 'apps/example-server';
const CLIENT_ID = '1example23456789';
const DEPLOYMENT = {
  account: '123456789012',
  runtimeId: 'example_server-AbCdEf1234',
  runtimeArn: 'arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/example_server-AbCdEf1234',
  executionRoleArn: 'arn:aws:iam::123456789012:role/AgentCoreMcp-example_server',
  ecrRepositoryUri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/agentcore-mcp-example_server',
  imageUri:
    '123456789012.dkr.ecr.us-east-1.amazonaws.com/agentcore-mcp-example_server:20261125-120000-000',
  launchedAt: '2026-11-25T12:00:00.000Z',
};

/** An HTTP server on 127.0.0.1 answering every request with `body`. */
async function serveJson(body: unknown): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A 127.0.0.1 port that nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function authorizerJson(discoveryUrl: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    customJWTAuthorizer: { discoveryUrl, allowedClients: [CLIENT_ID], ...extra },
  });
}

async function failure(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof Error)) throw new Error('expected the command to fail');
  expect(error.message).not.toContain('\n');
  return error;
}

describe('agentcore-mcp configure', () => {
  let discovery: { origin: string; close(): Promise<void> };
  let discoveryUrl: string;
  let deadUrl: string;
  const dirs: string[] = [];
  let context: TestContext;

  const project = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'agentcore-mcp-configure-'));
    dirs.push(dir);
    mkdirSync(join(dir, APP), { recursive: true });
    writeFileSync(
      join(dir, APP, 'Dockerfile'),
      'FROM node:20-slim AS runner\nFROM runner AS observability\nFROM runner\n',
    );
    writeFileSync(
      join(dir, APP, 'package.json'),
      JSON.stringify({ name: '@agentcore-mcp/example-server' }),
    );
    return dir;
  };
  const configure = (options: ConfigureOptions) => configureRuntime(options, context);
  const base: ConfigureOptions = { entrypoint: APP, region: 'us-east-1' };

  beforeAll(async () => {
    discovery = await serveJson({
      issuer: 'http://127.0.0.1/issuer',
      jwks_uri: 'http://127.0.0.1/issuer/.well-known/jwks.json',
    });
    discoveryUrl = `${discovery.origin}/pool/.well-known/openid-configuration`;
    deadUrl = `http://127.0.0.1:${await closedPort()}/pool/.well-known/openid-configuration`;
  });
  afterAll(async () => {
    await discovery.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    context = testContext({ cwd: project() });
  });

  it('writes a runtime that round-trips through readProjectConfig, with IAM auth by default', async () => {
    const runtime = await configure(base);

    expect(runtime).toEqual({
      name: 'example_server',
      entrypoint: APP,
      dockerfile: `${APP}/Dockerfile`,
      protocol: 'MCP',
      region: 'us-east-1',
    });
    expect(readProjectConfig(context.cwd)).toEqual({
      version: 1,
      default: 'example_server',
      runtimes: { example_server: runtime },
    });
    const out = context.stdout.join('\n');
    expect(out).toContain(`Wrote runtime example_server (from the app's package.json name`);
    expect(out).toContain('auth: IAM (SigV4)');
    expect(context.stdout.at(-1)).toBe('Next: agentcore-mcp launch');
    expect(context.stderr).toEqual([]);
  });

  it('writes every setting, and the YAML holds them in the API shape', async () => {
    const runtime = await configure({
      ...base,
      name: 'weather',
      authorizerConfig: authorizerJson(discoveryUrl),
      requestHeaderAllowlist: 'Authorization,X-Amzn-Bedrock-AgentCore-Runtime-Custom-Foo',
      env: ['LOG_LEVEL=debug', 'GREETING=a=b'],
      idleTimeout: '600',
      maxLifetime: '3600',
      observability: true,
    });

    expect(runtime).toMatchObject({
      name: 'weather',
      authorizer: { customJWTAuthorizer: { discoveryUrl, allowedClients: [CLIENT_ID] } },
      requestHeaderAllowlist: ['Authorization', 'X-Amzn-Bedrock-AgentCore-Runtime-Custom-Foo'],
      environment: { LOG_LEVEL: 'debug', GREETING: 'a=b' },
      lifecycle: { idleRuntimeSessionTimeout: 600, maxLifetime: 3600 },
      observability: true,
    });
    expect(readProjectConfig(context.cwd)?.runtimes.weather).toEqual(runtime);
    const yaml = readFileSync(join(context.cwd, PROJECT_CONFIG_FILE), 'utf8');
    expect(yaml).toContain('customJWTAuthorizer:');
    expect(yaml).toContain('idleRuntimeSessionTimeout: 600');
    const out = context.stdout.join('\n');
    expect(out).toContain(`auth: JWT (customJWTAuthorizer) from ${discoveryUrl}`);
    expect(out).toContain('environment (plain text): LOG_LEVEL, GREETING');
    expect(out).not.toContain('debug');
  });

  it('reads the authorizer from a file, as setup-cognito writes it', async () => {
    writeFileSync(join(context.cwd, 'authorizer_config.json'), authorizerJson(discoveryUrl));

    const runtime = await configure({ ...base, authorizerConfig: 'authorizer_config.json' });

    expect(runtime.authorizer?.customJWTAuthorizer.allowedClients).toEqual([CLIENT_ID]);
  });

  it('notes an authorizer_config.json it did not use', async () => {
    writeFileSync(join(context.cwd, 'authorizer_config.json'), authorizerJson(discoveryUrl));

    await configure(base);

    expect(context.stdout.join('\n')).toContain(
      'for JWT auth pass --authorizer-config authorizer_config.json',
    );
  });

  it.each([
    [
      'an invalid --name',
      { name: 'example-server' },
      'ERR_INVALID_RUNTIME_NAME',
      /try "example_server"/,
    ],
    [
      'a bad allowlist',
      { requestHeaderAllowlist: 'Authorization,Cookie' },
      'ERR_INVALID_HEADER_ALLOWLIST',
      /"Cookie" is restricted/,
    ],
    [
      'Authorization without an authorizer',
      { requestHeaderAllowlist: 'Authorization' },
      'ERR_INVALID_INPUT',
      /only to runtimes with a JWT authorizer/,
    ],
    [
      'a protocol other than MCP',
      { protocol: 'HTTP' },
      'ERR_INVALID_INPUT',
      /--protocol HTTP is not supported: this toolkit deploys MCP servers/,
    ],
    [
      'an authorizer that is not JSON',
      { authorizerConfig: '{"customJWTAuthorizer":' },
      'ERR_INVALID_INPUT',
      /--authorizer-config \(inline JSON\): .*not valid JSON/,
    ],
    [
      'an authorizer with an unknown key',
      {
        authorizerConfig:
          '{"customJWTAuthorizer":{"discoveryUrl":"https://issuer.example/.well-known/openid-configuration","allowedClient":["x"]}}',
      },
      'ERR_INVALID_INPUT',
      /allowedClient/,
    ],
    [
      'a missing authorizer file',
      { authorizerConfig: 'nope.json' },
      'ERR_INVALID_INPUT',
      /--authorizer-config nope\.json: cannot read the file \(ENOENT\)/,
    ],
    [
      'a region that is not a region',
      { region: 'useast1' },
      'ERR_INVALID_REGION',
      /--region "useast1" is not an AWS region code/,
    ],
    [
      'an idle timeout out of range',
      { idleTimeout: '59' },
      'ERR_INVALID_INPUT',
      /--idle-timeout "59": expected whole seconds from 60 to 28800/,
    ],
    [
      'a max lifetime shorter than the idle timeout',
      { idleTimeout: '900', maxLifetime: '600' },
      'ERR_INVALID_INPUT',
      /--max-lifetime 600 is shorter than the idle timeout \(900 s\)/,
    ],
    [
      'a max lifetime shorter than the default idle timeout',
      { maxLifetime: '300' },
      'ERR_INVALID_INPUT',
      /\(900 s, the default\)/,
    ],
    [
      'a malformed --env',
      { env: ['LOG LEVEL'] },
      'ERR_INVALID_INPUT',
      /--env "LOG LEVEL": expected KEY=VALUE/,
    ],
    ['a repeated --env', { env: ['A=1', 'A=2'] }, 'ERR_INVALID_INPUT', /--env A is given twice/],
    [
      'a missing app directory',
      { entrypoint: 'apps/nope' },
      'ERR_INVALID_INPUT',
      /^--entrypoint apps\/nope: no such file or directory in .*; pass your app's directory \(where its package\.json is\), e\.g\. --entrypoint \., or a file in it, e\.g\. --entrypoint src\/server\.ts$/,
    ],
    [
      'an app directory outside the project',
      { entrypoint: '..' },
      'ERR_INVALID_INPUT',
      /is outside the project root/,
    ],
    [
      'a missing --dockerfile',
      { dockerfile: 'Dockerfile.nope' },
      'ERR_INVALID_INPUT',
      /--dockerfile Dockerfile\.nope: no such file/,
    ],
  ] as const)('refuses %s, writing nothing', async (_case, flags, code, message) => {
    const error = await failure(configure({ ...base, ...flags } as ConfigureOptions));

    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(readProjectConfig(context.cwd)).toBeUndefined();
  });

  it('refuses an app directory without a Dockerfile unless --dockerfile names one', async () => {
    rmSync(join(context.cwd, APP, 'Dockerfile'));
    const error = await failure(configure(base));
    expect(error.message).toMatch(/^No Dockerfile in apps\/example-server: .*--dockerfile <path>$/);

    writeFileSync(join(context.cwd, 'Dockerfile.example'), 'FROM node:20-slim\n');
    const runtime = await configure({ ...base, dockerfile: './Dockerfile.example' });
    expect(runtime.dockerfile).toBe('Dockerfile.example');
  });

  it('derives the name from the directory when the app has no package.json name', async () => {
    writeFileSync(join(context.cwd, APP, 'package.json'), '{"private":true}\n');

    const runtime = await configure(base);

    expect(runtime.name).toBe('example_server');
    expect(context.stdout[0]).toContain("(from the app's directory name; --name to change)");
  });

  it('fails naming the discovery URL when nothing answers there', async () => {
    const error = await failure(configure({ ...base, authorizerConfig: authorizerJson(deadUrl) }));

    expect(error.code).toBe('ERR_INVALID_INPUT');
    expect(error.message).toContain(`discovery URL ${deadUrl} did not give an OpenID discovery`);
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.message).toContain('--skip-discovery-check');
    expect(readProjectConfig(context.cwd)).toBeUndefined();
  });

  it('fails when the discovery URL answers without jwks_uri', async () => {
    const partial = await serveJson({ issuer: 'http://127.0.0.1/issuer' });
    try {
      const url = `${partial.origin}/.well-known/openid-configuration`;
      const error = await failure(configure({ ...base, authorizerConfig: authorizerJson(url) }));
      expect(error.message).toContain('(the document has no http(s) "jwks_uri")');
    } finally {
      await partial.close();
    }
  });

  it('skips the discovery check with --skip-discovery-check', async () => {
    const runtime = await configure({
      ...base,
      authorizerConfig: authorizerJson(deadUrl),
      skipDiscoveryCheck: true,
    });

    expect(runtime.authorizer?.customJWTAuthorizer.discoveryUrl).toBe(deadUrl);
  });

  it('refuses --env names that look like secrets, without printing the value', async () => {
    for (const name of ['API_KEY', 'DB_PASSWORD', 'GITHUB_TOKEN', 'client_secret']) {
      const error = await failure(configure({ ...base, env: [`${name}=hunter2`] }));
      expect(error.message).toContain(`--env ${name} looks like a secret`);
      expect(error.message).toContain('AgentCore Identity');
      expect(error.message).toContain('Secrets Manager');
      expect(error.message).not.toContain('hunter2');
    }
    expect(readProjectConfig(context.cwd)).toBeUndefined();
  });

  it('accepts a secret-looking --env name with --allow-plaintext-env', async () => {
    const runtime = await configure({
      ...base,
      env: ['CACHE_KEY_PREFIX=mcp'],
      allowPlaintextEnv: true,
    });

    expect(runtime.environment).toEqual({ CACHE_KEY_PREFIX: 'mcp' });
    expect(context.stdout.join('\n')).not.toContain('=mcp');
  });

  it('takes the region from AWS_REGION, then AWS_DEFAULT_REGION', async () => {
    context = testContext({
      cwd: context.cwd,
      env: { AWS_REGION: '', AWS_DEFAULT_REGION: 'eu-west-1' },
    });
    expect((await configure({ entrypoint: APP })).region).toBe('eu-west-1');

    context = testContext({ cwd: context.cwd, env: { AWS_REGION: 'eu-central-2' } });
    expect((await configure({ entrypoint: APP })).region).toBe('eu-central-2');

    context = testContext({ cwd: context.cwd, env: { AWS_REGION: 'Frankfurt' } });
    expect((await failure(configure({ entrypoint: APP }))).message).toMatch(
      /^AWS_REGION "Frankfurt"/,
    );
  });

  it('names the missing flags instead of prompting without a terminal', async () => {
    const missingRegion = await failure(configure({ entrypoint: APP }));
    expect(missingRegion.message).toMatch(/^Missing --region \(or set AWS_REGION\): pass it/);
    expect(missingRegion.code).toBe('ERR_INVALID_REGION');

    const missingEntrypoint = await failure(configure({ region: 'us-east-1' }));
    expect(missingEntrypoint.message).toMatch(/^Missing -e\/--entrypoint <app directory>/);
  });

  it('never prompts with --non-interactive, even on a terminal', async () => {
    // testContext's default prompts fail the test when asked.
    context = testContext({ cwd: context.cwd, interactive: true });

    const error = await failure(configure({ region: 'us-east-1', nonInteractive: true }));

    expect(error.message).toMatch(/^Missing -e\/--entrypoint/);
  });

  it('on a terminal, asks for what is missing and offers authorizer_config.json', async () => {
    const asked: string[] = [];
    const prompts: Partial<Prompts> = {
      input: ({ message, default: suggested }) => {
        if (message.startsWith('App directory to deploy')) {
          asked.push('entrypoint');
          return Promise.resolve(` ${APP} `);
        }
        asked.push(`${message} ${suggested ?? ''}`);
        return Promise.resolve('us-west-2');
      },
      confirm: ({ message, default: yes }) => {
        asked.push(`${message} ${String(yes)}`);
        return Promise.resolve(true);
      },
    };
    context = testContext({ cwd: context.cwd, interactive: true, prompts });
    writeFileSync(join(context.cwd, 'authorizer_config.json'), authorizerJson(discoveryUrl));

    const runtime = await configure({});

    expect(asked).toEqual([
      'entrypoint',
      'AWS region: us-east-1',
      'Use authorizer_config.json as the JWT authorizer? (No: callers sign with AWS credentials, IAM/SigV4) true',
    ]);
    expect(runtime).toMatchObject({ entrypoint: APP, region: 'us-west-2' });
    expect(runtime.authorizer?.customJWTAuthorizer.discoveryUrl).toBe(discoveryUrl);
  });

  it('re-configuring keeps the deployment section and replaces the rest', async () => {
    await configure({ ...base, env: ['LOG_LEVEL=debug'] });
    const first = readProjectConfig(context.cwd);
    const deployed: RuntimeProject = { ...first!.runtimes.example_server!, deployment: DEPLOYMENT };
    writeProjectConfig(context.cwd, { ...first!, runtimes: { example_server: deployed } });

    const runtime = await configure({ ...base, idleTimeout: '120' });

    expect(runtime.deployment).toEqual(DEPLOYMENT);
    expect(runtime.environment).toBeUndefined();
    expect(readProjectConfig(context.cwd)?.runtimes.example_server).toEqual(runtime);
    expect(context.stdout.join('\n')).toContain(`deployment kept: ${DEPLOYMENT.runtimeArn}`);
  });

  it('refuses to move a deployed runtime to another region', async () => {
    await configure(base);
    const first = readProjectConfig(context.cwd)!;
    const deployed = { ...first.runtimes.example_server!, deployment: DEPLOYMENT };
    writeProjectConfig(context.cwd, { ...first, runtimes: { example_server: deployed } });

    const error = await failure(configure({ ...base, region: 'eu-west-1' }));

    expect(error.message).toMatch(
      /^example_server is deployed in us-east-1 .*destroy --name example_server/,
    );
    expect(readProjectConfig(context.cwd)?.runtimes.example_server?.region).toBe('us-east-1');
  });

  it('keeps the first runtime as the default unless --default is given', async () => {
    await configure(base);
    await configure({ ...base, name: 'second' });
    expect(readProjectConfig(context.cwd)?.default).toBe('example_server');
    expect(context.stdout.at(-1)).toBe('Next: agentcore-mcp launch --name second');

    await configure({ ...base, name: 'third', default: true });
    const config = readProjectConfig(context.cwd);
    expect(config?.default).toBe('third');
    expect(Object.keys(config?.runtimes ?? {})).toEqual(['example_server', 'second', 'third']);
  });
});
