import { relative } from 'node:path';

import type { CommandContext } from '../commandContext.js';
import { CliError } from '../errors.js';
import { findNpmNameProblem } from './npmPackageName.js';
import { defaultProjectName, type InitPlan, planInit } from './planInit.js';
import { isTemplateName, type TemplateName } from './templateFiles.js';
import { readShippedVersion, type ReadVersion } from './templateVersions.js';
import { writeInitPlan } from './writeInit.js';

/** Options of `agentcore-mcp init`. */
export interface InitOptions {
  /** `[dir]`: the project directory. Default: the current directory. */
  readonly dir?: string | undefined;
  /** `--name`: the package name. Default: the directory's name (asked on a terminal). */
  readonly name?: string | undefined;
  /** `--template`: `server` or `gateway`. Default: `server` (asked on a terminal). */
  readonly template?: string | undefined;
  /** `--yes`: take the defaults, ask nothing. Default: ask on a terminal. */
  readonly yes?: boolean | undefined;
  /** `--force`: overwrite the template's files that exist already. Default: skip them. */
  readonly force?: boolean | undefined;
  /** `--install`: run `npm install` afterwards. Default: only write files. */
  readonly install?: boolean | undefined;
}

/** What `init` did. */
export interface InitResult {
  /** The plan that was written, or `undefined` when the user declined at the prompt. */
  readonly plan: InitPlan | undefined;
}

const TEMPLATE_CHOICES = [
  { name: 'server: an MCP server written with server-kit (TypeScript)', value: 'server' },
  { name: 'gateway: one MCP endpoint in front of other MCP servers', value: 'gateway' },
] as const;

/**
 * `agentcore-mcp init`: scaffolds a project that builds and runs with plain npm. On a terminal it
 * asks for what the flags leave out (`--yes` takes the defaults), checks every path, writes the
 * files (see `planInit` for what happens in a directory that has files already), prints what it
 * wrote and skipped and the next commands, and with `--install` runs `npm install`.
 *
 * @param options - The parsed command-line options.
 * @param context - Output, working directory, prompts.
 * @param readVersion - Reads our packages' versions. Default: the packages installed with the CLI.
 * @returns What was written.
 * @throws {@link CliError} `ERR_INVALID_INPUT` for an unknown template, a bad name or path (nothing
 *   is written); `ERR_BUILD_FAILED` when `npm install` fails.
 * @example
 * ```ts
 * await runInit({ dir: 'my-server', yes: true }, context);
 * ```
 */
export async function runInit(
  options: InitOptions,
  context: CommandContext,
  readVersion: ReadVersion = readShippedVersion,
): Promise<InitResult> {
  const ask = context.interactive && !options.yes;
  if (options.template !== undefined && !isTemplateName(options.template)) {
    throw new CliError(
      'ERR_INVALID_INPUT',
      `Unknown template "${options.template}": pass --template server (an MCP server) or --template gateway (an MCP gateway)`,
    );
  }
  const fallbackName = defaultProjectName(context.cwd, options.dir);
  const name =
    options.name ??
    (ask
      ? await context.prompts.input({
          message: 'Package name:',
          default: fallbackName,
          validate: (value) => {
            const problem = findNpmNameProblem(value);
            return problem === undefined ? true : `npm would refuse it: ${problem}`;
          },
        })
      : fallbackName);
  const template: TemplateName =
    options.template ??
    (ask
      ? await context.prompts.select({ message: 'Template:', choices: TEMPLATE_CHOICES })
      : 'server');
  const plan = planInit({
    cwd: context.cwd,
    dir: options.dir,
    name,
    template,
    force: options.force,
    readVersion,
  });
  const shown = relative(context.cwd, plan.directory) || '.';
  if (ask && plan.state === 'existing' && !(await confirmExisting(plan, shown, context))) {
    context.output.result('Nothing was written.');
    return { plan: undefined };
  }
  writeInitPlan(plan);
  printReport(plan, shown, context);
  if (options.install) {
    const { installDependencies } = await import('./installDependencies.js');
    await installDependencies(plan.directory, context);
  }
  printNextSteps(plan, { shown, installed: options.install ?? false }, context);
  return { plan };
}

function confirmExisting(plan: InitPlan, shown: string, context: CommandContext): Promise<boolean> {
  const overwritten = plan.files.filter((file) => file.overwrite).length;
  const details = [
    plan.skipped.length > 0 ? `leaving ${plan.skipped.length} existing ones alone` : '',
    overwritten > 0 ? `overwriting ${overwritten}` : '',
  ].filter(Boolean);
  return context.prompts.confirm({
    message: `${shown} has files already. Add ${plan.files.length} files${details.length > 0 ? `, ${details.join(', ')}` : ''}?`,
    default: true,
  });
}

function printReport(plan: InitPlan, shown: string, { output }: CommandContext): void {
  output.result(
    `${plan.state === 'new' ? 'Created' : 'Wrote into'} ${shown}: the ${plan.template} template, package ${plan.name}`,
  );
  for (const file of plan.files) {
    output.result(`  ${file.path}${file.overwrite ? '  (overwritten)' : ''}`);
  }
  if (plan.skipped.length > 0) {
    output.result(`Skipped, as they exist already (--force overwrites them):`);
    for (const path of plan.skipped) output.result(`  ${path}`);
  }
  if (plan.skipped.includes('.gitignore')) {
    output.result(
      'Your .gitignore was kept: make sure it lists node_modules/ and .agentcore-mcp/ (tokens).',
    );
  }
}

function printNextSteps(
  plan: InitPlan,
  { shown, installed }: { shown: string; installed: boolean },
  { output }: CommandContext,
): void {
  const what = plan.template === 'server' ? 'the server' : 'the gateway';
  const steps = [
    ...(shown === '.' ? [] : [[`cd ${/\s/.test(shown) ? JSON.stringify(shown) : shown}`, '']]),
    installed
      ? ['', 'commit package-lock.json: the Docker build runs npm ci']
      : ['npm install', 'then commit package-lock.json: the Docker build runs npm ci'],
    ['npm run dev', `${what} behind the local AgentCore emulator, restarted on change`],
    [
      'npm test',
      plan.template === 'server' ? 'build, start, call a tool' : 'call a tool through it',
    ],
    ['npx agentcore-mcp configure -e .', 'then npx agentcore-mcp launch, to deploy it'],
  ];
  output.result('Next:');
  for (const [command = '', why = ''] of steps) {
    const line =
      command === '' ? `# ${why}` : why === '' ? command : `${command.padEnd(34)}# ${why}`;
    output.result(`  ${line}`);
  }
}
