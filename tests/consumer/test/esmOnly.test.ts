// What every package README says at its top: ESM only; in a CommonJS project (`npm init -y`'s
// default) tsx compiles your TypeScript to CommonJS, where the top-level await of our examples
// fails with esbuild's "Top-level await is currently not supported with the "cjs" output format";
// `"type": "module"` is the one-line fix. Proven with the packed tarball, outside the workspace.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { beforeAll, describe, expect, inject, it } from 'vitest';

import { run } from './support/run.js';

const SCRIPT = `import { parseRuntimeArn } from '@agentcore-mcp/core';

const arn = await Promise.resolve('arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/demo-AbCdEf1234');
console.log(parseRuntimeArn(arn).runtimeId);
`;

describe('an ESM-only package in a project of its own', () => {
  const project = join(inject('scratch'), 'esm-only');
  const tsx = join(project, 'node_modules', '.bin', 'tsx');

  beforeAll(async () => {
    mkdirSync(project, { recursive: true });
    await run('npm', ['init', '-y'], { cwd: project });
    const core = inject('tarballs')['@agentcore-mcp/core']!;
    await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', core, 'tsx@4'], {
      cwd: project,
    });
    writeFileSync(join(project, 'main.ts'), SCRIPT);
  });

  it('fails in a CommonJS project with the error the README quotes', async () => {
    const result = await run(tsx, ['main.ts'], { cwd: project, allowFailure: true });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'Top-level await is currently not supported with the "cjs" output format',
    );
  });

  it('runs once package.json says "type": "module"', async () => {
    await run('npm', ['pkg', 'set', 'type=module'], { cwd: project });
    expect((await run(tsx, ['main.ts'], { cwd: project })).stdout).toBe('demo-AbCdEf1234\n');
  });
});
