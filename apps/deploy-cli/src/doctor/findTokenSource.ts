import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

import { CREDENTIALS_FILE, readCredentialsFile } from '../cognito/credentialsFile.js';
import { createCredentialsTokenProvider } from '../cognito/credentialsTokenProvider.js';

/** Where the doctor's token comes from, and how to get it. */
export interface DoctorTokenSource {
  /** For the report: `--token`, `BEARER_TOKEN`, or the credentials file's path. */
  readonly description: string;
  /** Gets the token; for the credentials file, a fresh one from Cognito. */
  readonly getToken: () => Promise<string>;
}

/** The doctor's token flags. */
export interface DoctorTokenOptions {
  /** `--token`: the bearer token to check. */
  readonly token?: string | undefined;
  /** `--credentials`: setup-cognito's credentials file. */
  readonly credentials?: string | undefined;
}

/**
 * Finds the token to check, in the order `invoke` uses: `--token`, env `BEARER_TOKEN`, then
 * setup-cognito's credentials file (`--credentials`, else `.agentcore-mcp/cognito-credentials.json`
 * when it exists), through the client's Cognito token provider. The file is read, never written.
 *
 * @param options - `--token` and `--credentials`.
 * @param environment - The environment and the project root.
 * @returns The source, or `undefined` when there is no token anywhere.
 * @example
 * ```ts
 * const source = findTokenSource({}, { env: process.env, cwd: process.cwd() });
 * const token = await source?.getToken();
 * ```
 */
export function findTokenSource(
  options: DoctorTokenOptions,
  environment: { readonly env: NodeJS.ProcessEnv; readonly cwd: string },
): DoctorTokenSource | undefined {
  if (options.token) return staticSource('--token', options.token);
  const fromEnv = environment.env.BEARER_TOKEN?.trim();
  if (fromEnv) return staticSource('BEARER_TOKEN', fromEnv);
  const path = resolve(environment.cwd, options.credentials ?? CREDENTIALS_FILE);
  if (options.credentials === undefined && !existsSync(path)) return undefined;
  return {
    description: path,
    getToken: () => createCredentialsTokenProvider(readCredentialsFile(path)).getToken(),
  };
}

function staticSource(description: string, token: string): DoctorTokenSource {
  return { description, getToken: () => Promise.resolve(token.replace(/^bearer\s+/i, '')) };
}
