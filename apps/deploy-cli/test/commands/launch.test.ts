import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import type { LaunchPlan } from '../../src/runtime/launchPlan.js';
import { cleanEnv, errorLine, runCli } from '../runCli.js';

/**
 * A standalone project configured with `agentcore-mcp configure -e src/server.ts`, and an AWS
 * profile whose credential_process writes a marker file: if anything resolved credentials, the
 * marker would exist.
 */
describe('agentcore-mcp launch --dry-run from a standalone project', () => {
  const root = mkdtempSync(join(tmpdir(), 'agentcore-mcp-launch-'));
  const cwd = join(root, 'weather-server');
  const marker = join(root, 'credentials-were-read');
  const awsConfig = join(root, 'aws-config');
  const env = cleanEnv(root, {
    AWS_CONFIG_FILE: awsConfig,
    AWS_SHARED_CREDENTIALS_FILE: join(root, 'no-credentials'),
    AWS_PROFILE: 'marker',
    AWS_EC2_METADATA_DISABLED: 'true',
  });

  beforeAll(async () => {
    mkdirSync(join(cwd, 'src'), { recursive: true });
    writeFileSync(join(cwd, 'package.json'), '{"name":"weather-server"}\n');
    writeFileSync(join(cwd, 'Dockerfile'), 'FROM node:24-slim AS runner\n');
    writeFileSync(join(cwd, 'src/server.ts'), 'export {};\n');
    const script = join(root, 'credentials.mjs');
    writeFileSync(
      script,
      `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, 'read');\nconsole.log(JSON.stringify({ Version: 1, AccessKeyId: 'AKIDEXAMPLE', SecretAccessKey: 'secret' }));\n`,
    );
    writeFileSync(
      awsConfig,
      `[profile marker]\ncredential_process = ${process.execPath} ${script}\n`,
    );
    const configured = await runCli(
      ['configure', '-e', 'src/server.ts', '--region', 'eu-west-1', '--non-interactive'],
      { cwd, env },
    );
    expect(configured).toMatchObject({ code: 0, stderr: '' });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('the marker profile does resolve through credential_process (the check below can fail)', async () => {
    vi.stubEnv('AWS_CONFIG_FILE', awsConfig);
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(root, 'no-credentials'));
    const sts = new STSClient({ region: 'eu-west-1', profile: 'marker' });
    try {
      await expect(sts.config.credentials()).resolves.toMatchObject({ accessKeyId: 'AKIDEXAMPLE' });
      expect(existsSync(marker)).toBe(true);
    } finally {
      sts.destroy();
      rmSync(marker, { force: true });
    }
  });

  it('--json writes only the plan on stdout, progress on stderr, and resolves no credentials', async () => {
    const run = await runCli(['launch', '--dry-run', '--json'], { cwd, env });

    expect(run.code).toBe(0);
    const plan = JSON.parse(run.stdout) as LaunchPlan;
    expect(plan).toMatchObject({
      version: 1,
      runtime: 'weather_server',
      region: 'eu-west-1',
      build: 'codebuild',
      dockerfile: 'Dockerfile',
      image:
        '<account>.dkr.ecr.eu-west-1.amazonaws.com/agentcore-mcp/weather_server:' +
        plan.image.split(':').at(-1),
    });
    expect(plan.buildContext?.files).toEqual([
      '.agentcore-mcp.yaml',
      'Dockerfile',
      'package.json',
      'src/server.ts',
    ]);
    expect(plan.requests.map((request) => request.service)).not.toContain('sts');
    expect(run.stdout).not.toContain('111122223333');
    const progress = run.stderr.trimEnd().split('\n');
    expect(progress[0]).toBe(
      '  Deploying weather_server to AgentCore Runtime in eu-west-1 (account <account>)',
    );
    expect(progress.every((line) => line.startsWith('  '))).toBe(true);
    expect(existsSync(marker)).toBe(false);
  });

  it('without --json prints a readable plan', async () => {
    const run = await runCli(['launch', '--dry-run'], { cwd, env });

    expect(run).toMatchObject({ code: 0, stderr: '' });
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'Deploying weather_server to AgentCore Runtime in eu-west-1 (account <account>)',
    );
    expect(lines).toContain(
      'Dry run: nothing was sent and no AWS credentials were read; <account> stands for your account id.',
    );
    expect(lines).toContain('  agentcore-runtime weather_server: create or update');
    expect(lines.at(-1)).toBe('--json prints this plan as JSON.');
    expect(existsSync(marker)).toBe(false);
  });

  it('refuses, in one line, a Dockerfile that is gone since configure', async () => {
    rmSync(join(cwd, 'Dockerfile'));
    try {
      const run = await runCli(['launch', '--dry-run', '--json'], { cwd, env });
      expect(errorLine(run)).toBe(
        `error: The Dockerfile Dockerfile is missing from ${cwd}: restore it, or run agentcore-mcp configure again with --dockerfile <path>`,
      );
    } finally {
      writeFileSync(join(cwd, 'Dockerfile'), 'FROM node:24-slim AS runner\n');
    }
  });
});
