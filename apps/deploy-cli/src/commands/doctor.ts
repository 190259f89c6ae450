import type { Command } from 'commander';

import type { CommandContext } from '../commandContext.js';
import type { DoctorOptions, DoctorReport } from '../doctor/runDoctor.js';
import { addRuntimeOptions } from './sharedOptions.js';

/**
 * Adds `agentcore-mcp doctor` to the program; it exits with 1 when a check failed.
 *
 * @param program - The program.
 * @param context - What the command runs with.
 * @example
 * ```ts
 * addDoctorCommand(program, context);
 * ```
 */
export function addDoctorCommand(program: Command, context: CommandContext): void {
  addRuntimeOptions(
    program
      .command('doctor')
      .description(
        'check AWS credentials, the project, the authorizer, the token, the runtime and the MCP eras it serves, one line each',
      ),
  )
    .option(
      '--credentials <file>',
      "setup-cognito's credentials file (default: .agentcore-mcp/cognito-credentials.json if present)",
    )
    .option('--token <token>', 'bearer token to check (default: env BEARER_TOKEN)')
    .option('--endpoint <url>', 'send the MCP requests here instead of AWS, e.g. the emulator')
    .action(async (options: DoctorOptions) => {
      const report = await run(options, context);
      if (!report.ok) process.exitCode = 1;
    });
}

/**
 * `agentcore-mcp doctor`: checks, one line each, the project file, AWS credentials, the
 * authorizer's discovery URL, the token, that the runtime is READY, and which MCP eras it serves
 * (`server/discover` for 2026-07-28, `initialize` for 2025); skips what depends on a failed check.
 * Sends only read requests.
 *
 * @param options - The parsed command-line options.
 * @param context - What the command runs with.
 * @returns The report; the CLI exits with 1 when `ok` is false.
 * @example
 * ```ts
 * const { ok } = await run({}, context);
 * ```
 */
export async function run(options: DoctorOptions, context: CommandContext): Promise<DoctorReport> {
  const { runDoctor } = await import('../doctor/runDoctor.js');
  return runDoctor(options, context);
}
