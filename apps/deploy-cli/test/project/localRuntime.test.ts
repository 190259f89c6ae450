import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { describeLocalArn, resolveLocalRuntime } from '../../src/project/localRuntime.js';

const RUNTIME = [
  'version: 1',
  'default: weather',
  'runtimes:',
  '  weather:',
  '    name: weather',
  '    entrypoint: apps/weather',
  '    dockerfile: apps/weather/Dockerfile',
  '    protocol: MCP',
  '    region: eu-west-1',
];
const DEPLOYMENT = [
  '    deployment:',
  '      account: "111122223333"',
  '      runtimeId: weather-AbCdEf1234',
  '      runtimeArn: arn:aws:bedrock-agentcore:eu-west-1:111122223333:runtime/weather-AbCdEf1234',
  '      executionRoleArn: arn:aws:iam::111122223333:role/r',
  '      ecrRepositoryUri: 111122223333.dkr.ecr.eu-west-1.amazonaws.com/agentcore-mcp/weather',
  '      imageUri: 111122223333.dkr.ecr.eu-west-1.amazonaws.com/agentcore-mcp/weather:1',
  '      launchedAt: "2026-11-25T12:00:00.000Z"',
];

describe('resolveLocalRuntime', () => {
  const directories: string[] = [];
  afterEach(() => {
    for (const dir of directories.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const project = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'agentcore-mcp-local-runtime-'));
    directories.push(dir);
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    return dir;
  };

  it("uses the project's name and region with the placeholder account, and its app directory", () => {
    const dir = project({ '.agentcore-mcp.yaml': RUNTIME.join('\n') });
    const runtime = resolveLocalRuntime(dir, { env: { AWS_REGION: 'us-west-2' } });
    expect(runtime).toMatchObject({
      name: 'weather',
      arn: 'arn:aws:bedrock-agentcore:eu-west-1:123456789012:runtime/weather-local00000',
      source: 'project',
      directory: join(dir, 'apps/weather'),
    });
    expect(describeLocalArn(runtime)).toBe(
      'name and region from .agentcore-mcp.yaml; account 123456789012 is a local placeholder, not yours',
    );
  });

  it('uses the ARN launch recorded once the runtime is deployed', () => {
    const dir = project({ '.agentcore-mcp.yaml': [...RUNTIME, ...DEPLOYMENT].join('\n') });
    expect(resolveLocalRuntime(dir, { env: {} })).toMatchObject({
      arn: 'arn:aws:bedrock-agentcore:eu-west-1:111122223333:runtime/weather-AbCdEf1234',
      source: 'deployed',
    });
  });

  it.each([
    [{}, 'arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/acme_tools-local00000'],
    [
      { AWS_DEFAULT_REGION: 'ca-central-1' },
      'arn:aws:bedrock-agentcore:ca-central-1:123456789012:runtime/acme_tools-local00000',
    ],
  ])('without a project file, derives the name from package.json (env %j)', (env, arn) => {
    const dir = project({ 'package.json': '{"name":"@scope/acme-tools"}' });
    expect(resolveLocalRuntime(dir, { env })).toEqual({
      name: 'acme_tools',
      arn,
      source: 'package.json',
      directory: dir,
    });
  });

  it('refuses --name without a project file, and a name the project lacks', () => {
    expect(() => resolveLocalRuntime(project({}), { name: 'x', env: {} })).toThrow(
      /^No \.agentcore-mcp\.yaml in .*: run agentcore-mcp configure/,
    );
    const dir = project({ '.agentcore-mcp.yaml': RUNTIME.join('\n') });
    expect(() => resolveLocalRuntime(dir, { name: 'other', env: {} })).toThrow(
      /^No runtime "other" in \.agentcore-mcp\.yaml \(configured: weather\)/,
    );
  });
});
