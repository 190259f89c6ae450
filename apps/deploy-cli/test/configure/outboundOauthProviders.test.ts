import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { configureRuntime } from '../../src/configure/configureRuntime.js';
import { CliError } from '../../src/errors.js';
import { PROJECT_CONFIG_FILE } from '../../src/project/projectConfig.js';
import { readProjectConfig } from '../../src/project/projectConfigFile.js';
import { cleanEnv, errorLine, runCli } from '../runCli.js';
import { testContext } from '../testContext.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A standalone project: package.json and a Dockerfile at its root. */
function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'agentcore-mcp-outbound-'));
  dirs.push(root);
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'package.json'), '{"name":"weather"}\n');
  writeFileSync(join(root, 'Dockerfile'), 'FROM public.ecr.aws/docker/library/node:24-slim\n');
  return root;
}

const base = { entrypoint: '.', region: 'us-east-1', nonInteractive: true };

describe('configure --outbound-oauth-provider', () => {
  it('records the providers once each, and says what launch will do with them', async () => {
    const context = testContext({ cwd: project() });

    const runtime = await configureRuntime(
      { ...base, outboundOauthProvider: ['github', 'google_drive-2', 'github'] },
      context,
    );

    expect(runtime.outboundOauthProviders).toEqual(['github', 'google_drive-2']);
    expect(readProjectConfig(context.cwd)?.runtimes.weather?.outboundOauthProviders).toEqual([
      'github',
      'google_drive-2',
    ]);
    expect(context.stdout).toContain(
      '  outbound OAuth2 credential providers: github, google_drive-2 (launch lets the execution role take their tokens)',
    );
  });

  it('records none without the flag', async () => {
    const context = testContext({ cwd: project() });

    const runtime = await configureRuntime(base, context);

    expect(runtime).not.toHaveProperty('outboundOauthProviders');
  });

  it('refuses a name AgentCore refuses, with one line, writing nothing', async () => {
    const context = testContext({ cwd: project() });

    const error = await configureRuntime(
      { ...base, outboundOauthProvider: ['my provider'] },
      context,
    ).then(
      () => undefined,
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(CliError);
    expect(error).toMatchObject({
      code: 'ERR_INVALID_INPUT',
      message:
        '--outbound-oauth-provider "my provider": it must match [a-zA-Z0-9\\-_]+ (bedrock-agentcore-control#CredentialProviderName); pass the name of an AgentCore Identity OAuth2 credential provider (aws bedrock-agentcore-control list-oauth2-credential-providers)',
    });
    expect(readProjectConfig(context.cwd)).toBeUndefined();
  });

  it('is repeatable on the command line', async () => {
    const cwd = project();

    const run = await runCli(
      [
        'configure',
        ...['-e', '.', '--region', 'us-east-1', '--non-interactive'],
        ...['--outbound-oauth-provider', 'github', '--outbound-oauth-provider', 'slack'],
      ],
      { cwd, env: cleanEnv(cwd) },
    );

    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(join(cwd, PROJECT_CONFIG_FILE), 'utf8')).toContain(
      'outboundOauthProviders:\n      - github\n      - slack\n',
    );
  });

  it('launch refuses a hand-edited provider name AgentCore refuses', async () => {
    const cwd = project();
    const context = testContext({ cwd });
    await configureRuntime({ ...base, outboundOauthProvider: ['github'] }, context);
    const file = join(cwd, PROJECT_CONFIG_FILE);
    writeFileSync(file, readFileSync(file, 'utf8').replace('- github', '- git hub'));

    const run = await runCli(['launch', '--dry-run'], { cwd, env: cleanEnv(cwd) });

    expect(errorLine(run)).toBe(
      `error: Invalid ${file}: runtimes.weather.outboundOauthProviders.0: expected the names of AgentCore Identity OAuth2 credential providers ([a-zA-Z0-9\\-_]+, bedrock-agentcore-control#CredentialProviderName); fix it or run agentcore-mcp configure again`,
    );
  });
});
