import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';

import { type JwtAuthorizerConfig, parseAuthorizerConfig } from '@agentcore-mcp/core';

import { AUTHORIZER_CONFIG_FILE } from '../cognito/authorizerConfig.js';
import { CliError } from '../errors.js';

/** Where `gateway setup` takes the inbound authorizer from. */
export interface SetupAuthorizerOptions {
  /** `--auth FILE` (a string), `--no-auth` (`false`), or neither (`undefined`: `authorizer_config.json`). */
  readonly auth?: string | false | undefined;
  /** `--create-cognito`: run setup-cognito first. Default: off. */
  readonly createCognito?: boolean | undefined;
}

/** The authorizer `gateway setup` writes, and where it came from. */
export interface SetupAuthorizer {
  readonly authorizer?: JwtAuthorizerConfig | undefined;
  /** `none`, or the file it was read from (relative to the working directory). */
  readonly source: string;
}

/**
 * Picks the gateway's inbound authorizer: none with `--no-auth`; otherwise the file from `--auth`,
 * or the `authorizer_config.json` that `agentcore-mcp setup-cognito` wrote, running setup-cognito
 * first when `--create-cognito` is given.
 *
 * @param options - `auth` and `createCognito`.
 * @param context - Working directory and the setup-cognito step (only called for `--create-cognito`).
 * @returns The authorizer and its source.
 * @throws {@link CliError} `ERR_CONFIG_INVALID` when the file is missing or invalid (saying
 *   to run setup-cognito), or the options conflict.
 */
export async function resolveSetupAuthorizer(
  options: SetupAuthorizerOptions,
  context: { cwd: string; createCognito: () => Promise<string> },
): Promise<SetupAuthorizer> {
  if (options.createCognito && options.auth !== undefined) {
    throw invalid(
      `--create-cognito writes a new ${AUTHORIZER_CONFIG_FILE}; do not combine it with --auth or --no-auth`,
    );
  }
  if (options.auth === false) return { source: 'none' };
  const path = options.createCognito
    ? await context.createCognito()
    : resolve(context.cwd, options.auth ?? AUTHORIZER_CONFIG_FILE);
  const shown = relative(context.cwd, path) || path;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (options.auth === undefined && code === 'ENOENT') {
      throw invalid(
        `No ${AUTHORIZER_CONFIG_FILE} in ${context.cwd}: run agentcore-mcp setup-cognito first (or add --create-cognito to do it now), pass --auth FILE, or --no-auth for a gateway without inbound auth`,
        error,
      );
    }
    throw invalid(
      `Cannot read the authorizer config ${shown} (${code ?? 'read failed'}); pass an existing file to --auth`,
      error,
    );
  }
  try {
    return { authorizer: parseAuthorizerConfig(text), source: shown };
  } catch (error) {
    throw invalid(
      `${shown}: ${error instanceof Error ? error.message : String(error)}; run agentcore-mcp setup-cognito again`,
      error,
    );
  }
}

function invalid(message: string, cause?: unknown): CliError {
  return new CliError('ERR_CONFIG_INVALID', message, cause === undefined ? undefined : { cause });
}
