import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createAwsClients } from '../../src/aws/awsClients.js';
import { createAwsRequests } from '../../src/aws/awsRequests.js';
import type { DeployContext } from '../../src/deploy/deployContext.js';
import { createOutput } from '../../src/output.js';

/** A deploy context for tests, with what it printed. */
export interface DeployTestContext extends DeployContext {
  /** Lines written to stdout. */
  readonly stdout: string[];
  /** Lines written to stderr. */
  readonly stderr: string[];
  /** Every sleep requested, in ms (nothing actually waits). */
  readonly sleeps: number[];
}

/** A fixed clock: 2026-11-25T12:00:00.000Z. */
export const FIXED_NOW = new Date('2026-11-25T12:00:00.000Z');

/**
 * A {@link DeployContext} whose AWS clients are real SDK clients (mock them with
 * `mockClient(XClient)` from aws-sdk-client-mock), whose sleeps return at once and whose clock is
 * {@link FIXED_NOW}. `cwd` defaults to a fresh temporary directory; nothing is interactive.
 */
export function deployTestContext(
  options: {
    cwd?: string;
    dryRun?: boolean;
    region?: string;
    interactive?: boolean;
    env?: NodeJS.ProcessEnv;
  } = {},
): DeployTestContext {
  const region = options.region ?? 'us-east-1';
  const stdout: string[] = [];
  const stderr: string[] = [];
  const sleeps: number[] = [];
  const collect = (lines: string[]) => ({
    write: (text: string) => {
      lines.push(...text.replace(/\n$/, '').split('\n'));
      return true;
    },
  });
  return {
    output: createOutput({ stdout: collect(stdout), stderr: collect(stderr) }),
    cwd: options.cwd ?? mkdtempSync(join(tmpdir(), 'agentcore-mcp-deploy-')),
    env: options.env ?? {},
    clients: createAwsClients({ region }),
    aws: createAwsRequests({ dryRun: options.dryRun ?? false, region }),
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    now: () => FIXED_NOW,
    interactive: options.interactive ?? false,
    stdout,
    stderr,
    sleeps,
  };
}
