import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createAwsClients } from '../src/aws/awsClients.js';
import type { AwsContext } from '../src/aws/awsContext.js';
import { createAwsRequests } from '../src/aws/awsRequests.js';
import type { AwsSessionTarget } from '../src/aws/awsSession.js';
import type { CognitoClient } from '../src/aws/cognitoClient.js';
import { createCognitoClient } from '../src/aws/cognitoClient.js';
import { createOutput } from '../src/output.js';
import type { Prompts } from '../src/prompts.js';

/** A command context with AWS opened, for tests, with what it printed. */
export interface TestContext extends AwsContext {
  /** Lines written to stdout. */
  readonly stdout: string[];
  /** Lines written to stderr. */
  readonly stderr: string[];
  /** Every sleep requested, in ms (nothing actually waits). */
  readonly sleeps: number[];
  /** Where each `openAws` asked to open AWS (region, profile, dry run), in order. */
  readonly opened: AwsSessionTarget[];
}

/** What {@link testContext} can be told. */
export interface TestContextOptions {
  /** The project root. Default: a fresh temporary directory. */
  cwd?: string;
  /** Whether the request sender only records. Default: `false`. */
  dryRun?: boolean;
  /** The region of `clients`. Default: `us-east-1`. */
  region?: string;
  /** Whether prompts may be shown. Default: `false`. */
  interactive?: boolean;
  /** The environment. Default: empty. */
  env?: NodeJS.ProcessEnv;
  /** The answers to questions. Default: prompts that fail the test when asked. */
  prompts?: Partial<Prompts>;
  /** The Cognito client of setup-cognito and token. Default: the real one. */
  cognito?: CognitoClient;
}

/** A fixed clock: 2026-11-25T12:00:00.000Z. */
export const FIXED_NOW = new Date('2026-11-25T12:00:00.000Z');

const unexpectedQuestion = (question: { message: string }): Promise<never> =>
  Promise.reject(new Error(`unexpected prompt: ${question.message}`));

/**
 * A command context whose AWS is already open: real SDK clients (mock them with
 * `mockClient(XClient)` from aws-sdk-client-mock), one request recorder shared by every command
 * that opens AWS through it (so `context.aws.requests` lists them all, whatever region a command
 * picks), sleeps that return at once, and the clock {@link FIXED_NOW}. Pass it wherever a command
 * (`CommandContext`) or the code below one (`AwsContext`) is expected.
 */
export function testContext(options: TestContextOptions = {}): TestContext {
  const region = options.region ?? 'us-east-1';
  const stdout: string[] = [];
  const stderr: string[] = [];
  const sleeps: number[] = [];
  const opened: AwsSessionTarget[] = [];
  const collect = (lines: string[]) => ({
    write: (text: string) => {
      lines.push(...text.replace(/\n$/, '').split('\n'));
      return true;
    },
  });
  const env = options.env ?? {};
  const aws = createAwsRequests({ dryRun: options.dryRun ?? false, region });
  return {
    output: createOutput({ stdout: collect(stdout), stderr: collect(stderr) }),
    cwd: options.cwd ?? mkdtempSync(join(tmpdir(), 'agentcore-mcp-deploy-')),
    env,
    interactive: options.interactive ?? false,
    prompts: {
      input: unexpectedQuestion,
      confirm: unexpectedQuestion,
      select: unexpectedQuestion,
      ...options.prompts,
    },
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    now: () => FIXED_NOW,
    openAws: (target) => {
      opened.push(target);
      // A command asking for --dry-run against a context that sends (or the reverse) would send
      // requests the test did not mean to, or record ones it meant to send.
      if (target.dryRun !== aws.dryRun) {
        return Promise.reject(
          new Error(`testContext({ dryRun: ${aws.dryRun} }) opened with dryRun ${target.dryRun}`),
        );
      }
      return Promise.resolve({ clients: createAwsClients(target), aws });
    },
    openCognito: (target) => Promise.resolve(options.cognito ?? createCognitoClient(target, env)),
    clients: createAwsClients({ region }),
    aws,
    stdout,
    stderr,
    sleeps,
    opened,
  };
}
