import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { cleanEnv, runCli } from '../runCli.js';

describe('agentcore-mcp doctor (the built CLI)', () => {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'agentcore-mcp-doctor-cli-')));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints one line per check, sends nothing without a region, and exits with 1', async () => {
    const run = await runCli(['doctor'], { cwd: dir, env: cleanEnv(dir) });

    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout.trimEnd().split('\n')).toEqual([
      `✗ project: no .agentcore-mcp.yaml in ${dir}; fix: run agentcore-mcp configure -e <app directory>`,
      '✗ AWS credentials: no AWS region; fix: pass --region, or set AWS_REGION',
      '– discovery URL: skipped, needs the project check',
      '– token: skipped, needs the project check',
      '– runtime READY: skipped, needs the project check',
      '– MCP endpoint: skipped, needs a READY runtime',
      '2 checks failed: fix the first ✗ above, then run agentcore-mcp doctor again.',
    ]);
  });
});
