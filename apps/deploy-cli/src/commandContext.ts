import { sleep } from '@agentcore-mcp/core';

import type { AwsSession, AwsSessionTarget } from './aws/awsSession.js';
import type { CognitoClient } from './aws/cognitoClient.js';
import type { CognitoTarget } from './aws/cognitoTarget.js';
import type { Output } from './output.js';
import { createTerminalPrompts, type Prompts } from './prompts.js';

/**
 * Everything a command takes from its surroundings, one shape for every command: `cli.ts` builds
 * it from the process, tests build their own. AWS is opened by the command once it knows the
 * region (`aws/awsContext.ts`); the SDK is loaded and its clients created only then, on first use.
 */
export interface CommandContext {
  /** The only way commands print: results to stdout, diagnostics to stderr. */
  readonly output: Output;
  /** The project root: where `.agentcore-mcp.yaml` is and relative paths start. */
  readonly cwd: string;
  /** The environment: `AWS_REGION`, `AWS_PROFILE`, `BEARER_TOKEN`, `AGENTCORE_MCP_COGNITO_ENDPOINT`… */
  readonly env: NodeJS.ProcessEnv;
  /** Whether stdin and stdout are a terminal, so commands may ask and confirm. */
  readonly interactive: boolean;
  /** The terminal questions; asked only when `interactive`. */
  readonly prompts: Prompts;
  /** Waits between polls; tests pass one that returns at once. */
  readonly sleep: (ms: number) => Promise<void>;
  /** The clock; tests pass a fixed one so image tags and plans are stable. */
  readonly now: () => Date;
  /**
   * Opens AWS in one region: the SDK clients (created on first use) and the request sender that,
   * with `dryRun`, records instead of sending.
   */
  readonly openAws: (target: AwsSessionTarget) => Promise<AwsSession>;
  /** Creates the Cognito client of `setup-cognito` and `token` (AWS, or a local `--endpoint`). */
  readonly openCognito: (target: CognitoTarget) => Promise<CognitoClient>;
}

/** What {@link createCommandContext} needs; the rest has defaults (see {@link CommandContext}). */
export type CreateCommandContextOptions = Pick<
  CommandContext,
  'output' | 'cwd' | 'env' | 'interactive'
> &
  Partial<CommandContext>;

/**
 * Creates the context commands run in: terminal prompts (@inquirer/prompts, loaded on the first
 * question), real sleeps and clock, and AWS SDK clients loaded when a command first opens AWS.
 *
 * @param options - Output, project root, environment and whether a terminal is attached; any
 *   other field replaces its default.
 * @returns The context.
 * @example
 * ```ts
 * const context = createCommandContext({ output, cwd: process.cwd(), env: process.env, interactive: false });
 * ```
 */
export function createCommandContext(options: CreateCommandContextOptions): CommandContext {
  return {
    prompts: createTerminalPrompts(),
    sleep: (ms) => sleep(ms),
    now: () => new Date(),
    openAws: async (target) => (await import('./aws/awsSession.js')).createAwsSession(target),
    openCognito: async (target) =>
      (await import('./aws/cognitoClient.js')).createCognitoClient(target, options.env),
    ...options,
  };
}
