import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { CLI, runCli } from './runCli.js';

const { version } = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
) as {
  version: string;
};
const ARN =
  'arn:aws:bedrock-agentcore:us-west-2:776504808937:runtime/strands_agent_inbound_identity-xibPa64Jxi';
const URL_FOR_ARN =
  'https://bedrock-agentcore.us-west-2.amazonaws.com/runtimes/arn%3Aaws%3Abedrock-agentcore%3Aus-west-2%3A776504808937%3Aruntime%2Fstrands_agent_inbound_identity-xibPa64Jxi/invocations?qualifier=DEFAULT';

describe('agentcore-mcp (built dist/cli.js)', () => {
  it('starts with a node shebang so the bin runs directly', () => {
    expect(readFileSync(CLI, 'utf8').split('\n', 1)[0]).toBe('#!/usr/bin/env node');
  });

  it.each([
    { case: '--version', args: ['--version'], stdout: `${version}\n` },
    { case: '-V', args: ['-V'], stdout: `${version}\n` },
    { case: 'url for an ARN', args: ['url', '--arn', ARN], stdout: `${URL_FOR_ARN}\n` },
    {
      case: 'url with a qualifier and a local endpoint',
      args: ['url', '--arn', ARN, '--qualifier', 'beta', '--endpoint', 'http://127.0.0.1:9000/'],
      stdout: `${URL_FOR_ARN.replace('https://bedrock-agentcore.us-west-2.amazonaws.com', 'http://127.0.0.1:9000').replace('DEFAULT', 'beta')}\n`,
    },
    {
      case: 'validate-name',
      args: ['validate-name', 'weather_server'],
      stdout: 'weather_server\n',
    },
    {
      case: 'validate-headers',
      args: ['validate-headers', 'Authorization, X-Api-Key', 'X-Tenant-Id'],
      stdout: 'Authorization,X-Api-Key,X-Tenant-Id\n',
    },
  ])('succeeds for $case', async ({ args, stdout }) => {
    const run = await runCli(args);
    expect(run).toEqual({ code: 0, stdout, stderr: '' });
  });

  it('prints help listing every command', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['url', 'validate-name', 'validate-headers', 'setup-cognito', 'token']) {
      expect(run.stdout).toContain(command);
    }
  });

  it.each([
    {
      case: 'a bad ARN',
      args: ['url', '--arn', 'arn:aws:bedrock-agentcore:us-west-2:7765:runtime/x'],
      stderr:
        'error: Invalid runtime ARN "arn:aws:bedrock-agentcore:us-west-2:7765:runtime/x": account "7765" must be 12 digits',
    },
    {
      case: 'a bad qualifier',
      args: ['url', '--arn', ARN, '--qualifier', 'prod-1'],
      stderr: 'error: Invalid qualifier "prod-1": ',
    },
    {
      case: 'a bad endpoint',
      args: ['url', '--arn', ARN, '--endpoint', 'localhost:9000'],
      stderr: 'error: Invalid endpoint "localhost:9000": ',
    },
    {
      case: 'a missing --arn',
      args: ['url'],
      stderr: "error: required option '--arn <arn>' not specified",
    },
    {
      case: 'a runtime name with a hyphen',
      args: ['validate-name', 'weather-server'],
      stderr: 'error: Invalid runtime name "weather-server": ',
    },
    {
      case: 'a runtime name configure would refuse (its ECR repository)',
      args: ['validate-name', 'server_'],
      stderr:
        'error: Runtime name "server_" cannot be deployed: its ECR repository "agentcore-mcp/server_" must match (?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)* (ecr#RepositoryName); rename it to "server"',
    },
    {
      case: 'a restricted header',
      args: ['validate-headers', 'Authorization,Cookie'],
      stderr: 'error: Invalid request header allowlist: header "Cookie" is restricted',
    },
    {
      case: 'an unknown command',
      args: ['ur'],
      stderr: "error: unknown command 'ur' (Did you mean url?)",
    },
  ])('fails with one error line and exit code 1 for $case', async ({ args, stderr }) => {
    const run = await runCli(args);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.endsWith('\n')).toBe(true);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr.startsWith(stderr)).toBe(true);
  });
});
