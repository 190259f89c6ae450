import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { type JwtAuthorizerConfig, parseAuthorizerConfig } from '@agentcore-mcp/core';

import { CliError } from '../errors.js';

/**
 * Reads `--authorizer-config`: inline JSON (`{"customJWTAuthorizer":{…}}` or its inner object) or
 * the path of a file holding it, as `setup-cognito` writes `authorizer_config.json`.
 *
 * @param value - The flag value.
 * @param cwd - Where a relative file path starts.
 * @returns The validated inner `customJWTAuthorizer` configuration.
 * @throws {@link CliError} `ERR_INVALID_INPUT` for an unreadable file, or (with the core
 *   message) for a document that is not a valid authorizer configuration.
 * @example
 * ```ts
 * readAuthorizerOption('authorizer_config.json', process.cwd()).discoveryUrl;
 * ```
 */
export function readAuthorizerOption(value: string, cwd: string): JwtAuthorizerConfig {
  const text = value.trim();
  if (text.startsWith('{')) return parse(text, 'inline JSON');
  let content: string;
  try {
    content = readFileSync(resolve(cwd, text), 'utf8');
  } catch (error) {
    throw new CliError(
      'ERR_INVALID_INPUT',
      `--authorizer-config ${text}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'read failed'}); pass inline JSON or a file such as authorizer_config.json (agentcore-mcp setup-cognito writes one)`,
      { cause: error },
    );
  }
  return parse(content, text);
}

function parse(document: string, source: string): JwtAuthorizerConfig {
  try {
    return parseAuthorizerConfig(document);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CliError('ERR_INVALID_INPUT', `--authorizer-config (${source}): ${message}`, {
      cause: error,
    });
  }
}
