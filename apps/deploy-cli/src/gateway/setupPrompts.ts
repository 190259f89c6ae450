import { CliError } from '../errors.js';
import type { Prompts } from '../prompts.js';
import { assertSetupTargetName, checkUrl, type SetupTarget } from './setupTargets.js';
import { splitCommandLine } from './splitCommandLine.js';

/** The questions `gateway setup` asks on a terminal; tests pass their own answers. */
export interface GatewaySetupPrompts {
  /** Asks for the next target's name; empty means "no more targets". */
  askTargetName(): Promise<string>;
  /** Asks how the gateway reaches the target. */
  askTargetKind(name: string): Promise<'http' | 'stdio'>;
  /** Asks for an HTTP target's MCP URL. */
  askUrl(name: string): Promise<string>;
  /** Asks for a stdio target's command line. */
  askCommand(name: string): Promise<string>;
}

/** An inquirer `validate`: the check's error message, or `true`. Empty answers are refused. */
const validate =
  (check: (value: string) => unknown, options: { allowEmpty?: boolean } = {}) =>
  (value: string): true | string => {
    if (value.trim() === '') return options.allowEmpty ? true : 'A value is required';
    try {
      check(value.trim());
      return true;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  };

/**
 * The questions of `gateway setup`, asked through the command's prompts. Only ask them when stdin
 * and stdout are a terminal.
 *
 * @param prompts - The command's prompts (`CommandContext.prompts`).
 * @returns The questions; answers come back trimmed.
 * @example
 * ```ts
 * const targets = await askForTargets(createGatewaySetupPrompts(context.prompts));
 * ```
 */
export function createGatewaySetupPrompts(prompts: Prompts): GatewaySetupPrompts {
  const ask = async (message: string, check: (value: string) => true | string) =>
    (await prompts.input({ message, validate: check })).trim();
  return {
    askTargetName: () =>
      ask('Target name (empty when done):', validate(assertSetupTargetName, { allowEmpty: true })),
    askTargetKind: (name) =>
      prompts.select<'http' | 'stdio'>({
        message: `How does the gateway reach ${name}?`,
        choices: [
          { name: 'HTTP: an MCP URL (streamable HTTP or SSE)', value: 'http' },
          { name: 'stdio: a command the gateway starts', value: 'stdio' },
        ],
      }),
    askUrl: (name) =>
      ask(
        `MCP URL of ${name}, e.g. http://127.0.0.1:8000/mcp:`,
        validate((value) => checkUrl(value, name)),
      ),
    askCommand: (name) =>
      ask(`Command that starts ${name}, with its arguments:`, validate(splitCommandLine)),
  };
}

/**
 * Asks for targets until an empty name, checking each answer.
 *
 * @param prompts - The prompts (terminal, or a test's answers).
 * @returns The targets, in the order given.
 * @throws {@link CliError} `ERR_CONFIG_INVALID` when no target was given or a name repeats.
 */
export async function askForTargets(prompts: GatewaySetupPrompts): Promise<SetupTarget[]> {
  const targets: SetupTarget[] = [];
  for (;;) {
    const name = await prompts.askTargetName();
    if (name === '') break;
    assertSetupTargetName(name);
    if (targets.some((target) => target.name === name)) {
      throw new CliError(
        'ERR_CONFIG_INVALID',
        `Target "${name}" was already given; use another name`,
      );
    }
    if ((await prompts.askTargetKind(name)) === 'http') {
      targets.push({
        kind: 'http',
        name,
        url: checkUrl(await prompts.askUrl(name), name),
        headers: {},
      });
      continue;
    }
    const [command, ...args] = splitCommandLine(await prompts.askCommand(name));
    if (command === undefined) {
      throw new CliError('ERR_CONFIG_INVALID', `The command of ${name} is empty`);
    }
    targets.push({ kind: 'stdio', name, command, args });
  }
  if (targets.length === 0) {
    throw new CliError(
      'ERR_CONFIG_INVALID',
      'No targets given: name at least one MCP server for the gateway',
    );
  }
  return targets;
}
