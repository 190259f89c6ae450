import { type Command, Option } from 'commander';

/** Where a command's region comes from when `--region` is absent, as `--help` says it. */
export const REGION_DEFAULTS = {
  /** Commands on one configured runtime: launch, status, logs, destroy, doctor. */
  runtime: "the runtime's region in the project",
  /** Commands that configure something new: setup-cognito, configure, gateway setup. */
  environment: 'AWS_REGION, then AWS_DEFAULT_REGION',
  /** The managed-gateway commands and gateway deploy. */
  recorded: 'the recorded one, then AWS_REGION',
} as const;

/**
 * `--region <region>`, with where its default comes from.
 *
 * @param fallback - What `--help` says the default is, e.g. {@link REGION_DEFAULTS}.runtime.
 * @param flags - The flags. Default: `--region <region>`; `configure` adds `-r`.
 * @returns The option.
 * @example
 * ```ts
 * command.addOption(regionOption(REGION_DEFAULTS.environment));
 * ```
 */
export function regionOption(fallback: string, flags = '--region <region>'): Option {
  return new Option(flags, `AWS region (default: ${fallback})`);
}

/**
 * Adds `--region` and `--profile`: the options of every command that sends AWS requests.
 *
 * @param command - The command.
 * @param regionFallback - What `--help` says the region defaults to.
 * @returns The command.
 * @example
 * ```ts
 * addAwsOptions(program.command('status'), REGION_DEFAULTS.runtime);
 * ```
 */
export function addAwsOptions(command: Command, regionFallback: string): Command {
  return command
    .addOption(regionOption(regionFallback))
    .option('--profile <profile>', 'AWS profile (default: AWS_PROFILE, then the standard chain)');
}

/**
 * Adds `--name`, `--region` and `--profile`: the options of the commands that work on one runtime
 * of `.agentcore-mcp.yaml` (launch, status, logs, destroy, doctor).
 *
 * @param command - The command.
 * @returns The command.
 * @example
 * ```ts
 * addRuntimeOptions(program.command('logs')).option('--follow', '…');
 * ```
 */
export function addRuntimeOptions(command: Command): Command {
  return addAwsOptions(
    command.option(
      '--name <name>',
      "runtime in .agentcore-mcp.yaml (default: the project's default)",
    ),
    REGION_DEFAULTS.runtime,
  );
}

/**
 * `--dry-run`: the commands that change AWS print their requests instead.
 *
 * @returns The option.
 * @example
 * ```ts
 * command.addOption(dryRunOption());
 * ```
 */
export function dryRunOption(): Option {
  return new Option('--dry-run', 'print every AWS request as JSON and send none');
}

/**
 * The image-build options of `launch` and `gateway deploy`.
 *
 * @returns `--local-build`.
 * @example
 * ```ts
 * command.addOption(localBuildOption());
 * ```
 */
export function localBuildOption(): Option {
  return new Option(
    '--local-build',
    'build and push with the local Docker (buildx) instead of CodeBuild',
  );
}

/**
 * `--observability` of `configure` and `gateway deploy`.
 *
 * @returns The option.
 * @example
 * ```ts
 * command.addOption(observabilityOption());
 * ```
 */
export function observabilityOption(): Option {
  return new Option('--observability', 'build the image with OpenTelemetry (ADOT) instrumentation');
}

/**
 * `--config <file>`: our gateway's config file, `gateway.json` by default.
 *
 * @returns The option.
 * @example
 * ```ts
 * command.addOption(gatewayConfigOption());
 * ```
 */
export function gatewayConfigOption(): Option {
  return new Option('--config <file>', "our gateway's config file").default('gateway.json');
}

/**
 * A repeatable option: each use adds one value to a list (empty by default).
 *
 * @param flags - e.g. `--env <KEY=VALUE>`.
 * @param description - The help text; say "(repeatable)".
 * @returns The option.
 * @example
 * ```ts
 * command.addOption(repeatableOption('--header <name:value>', 'extra request header (repeatable)'));
 * ```
 */
export function repeatableOption(flags: string, description: string): Option {
  return new Option(flags, description)
    .argParser((value: string, previous: string[]) => [...previous, value])
    .default([] as string[]);
}
