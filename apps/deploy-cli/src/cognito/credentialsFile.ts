import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

import type { CognitoTokens } from '@agentcore-mcp/client';

import { CliError } from '../errors.js';

/** The machine-to-machine part of {@link CognitoCredentials}, from `setup-cognito --m2m`. */
export interface MachineCredentials {
  /** The machine client's id. */
  clientId: string;
  /** The machine client's secret. */
  clientSecret: string;
  /** The domain's token endpoint. */
  tokenUrl: string;
  /** The scopes requested, e.g. `['agentcore-mcp/invoke']`. */
  scopes: string[];
  /** The last client-credentials access token. */
  accessToken?: string;
  /** When it expires, ISO 8601. */
  expiresAt?: string;
}

/** What `.agentcore-mcp/cognito-credentials.json` holds (mode 0600: it contains secrets). */
export interface CognitoCredentials {
  /** The AWS region. */
  region: string;
  /** The local endpoint, when not AWS. */
  endpoint?: string;
  /** The user pool id. */
  userPoolId: string;
  /** The app client id (no secret). */
  clientId: string;
  /** The test user. */
  username: string;
  /** The test user's generated password. */
  password: string;
  /** The last access token. */
  accessToken: string;
  /** The last ID token, when Cognito returned one. */
  idToken?: string;
  /** The refresh token. */
  refreshToken?: string;
  /** When the access token expires, ISO 8601. */
  expiresAt: string;
  /** Present after `setup-cognito --m2m`. */
  m2m?: MachineCredentials;
}

/** Where the credentials go, relative to the output directory. */
export const CREDENTIALS_DIR = '.agentcore-mcp';
/** The default credentials file, relative to the output directory. */
export const CREDENTIALS_FILE = `${CREDENTIALS_DIR}/cognito-credentials.json`;

const REQUIRED = ['region', 'userPoolId', 'clientId', 'username', 'password'] as const;

/**
 * Writes the credentials file atomically (a temporary file with mode 0600, renamed over the old
 * one), creating its directory with mode 0700 and setting 0600 even if the file existed.
 *
 * @param path - The file, e.g. `.agentcore-mcp/cognito-credentials.json`.
 * @param credentials - What to store.
 * @example
 * ```ts
 * writeCredentialsFile('.agentcore-mcp/cognito-credentials.json', credentials);
 * ```
 */
export function writeCredentialsFile(path: string, credentials: CognitoCredentials): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, `${JSON.stringify(credentials, null, 2)}\n`, {
      mode: 0o600,
      flag: 'w',
    });
    chmodSync(temporary, 0o600);
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/**
 * Reads and checks the credentials file.
 *
 * @param path - The file.
 * @returns The stored credentials.
 * @throws {@link CliError} `ERR_CONFIG_INVALID` when the file is missing, not JSON, or
 *   lacks a field.
 * @example
 * ```ts
 * const { clientId, refreshToken } = readCredentialsFile('.agentcore-mcp/cognito-credentials.json');
 * ```
 */
export function readCredentialsFile(path: string): CognitoCredentials {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(
      'ERR_CONFIG_INVALID',
      `No credentials file at ${path}: run agentcore-mcp setup-cognito first, or pass --credentials FILE`,
      { cause: error },
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw invalid(path, 'it is not JSON', error);
  }
  if (typeof value !== 'object' || value === null) throw invalid(path, 'it is not an object');
  const record = value as Record<string, unknown>;
  const missing = REQUIRED.find((field) => typeof record[field] !== 'string' || !record[field]);
  if (missing) throw invalid(path, `"${missing}" is missing`);
  return value as CognitoCredentials;
}

function invalid(path: string, why: string, cause?: unknown): CliError {
  return new CliError(
    'ERR_CONFIG_INVALID',
    `Invalid credentials file ${path}: ${why}; run agentcore-mcp setup-cognito again`,
    { cause },
  );
}

/**
 * The tokens as the credentials file holds them (`expiresAt` as ISO 8601).
 *
 * @param tokens - From the client library (`initiateCognitoAuth`, the Cognito token provider).
 * @returns The fields for {@link writeCredentialsFile}.
 * @example
 * ```ts
 * writeCredentialsFile(path, { ...stored, ...toStoredTokens(tokens) });
 * ```
 */
export function toStoredTokens(
  tokens: CognitoTokens,
): Pick<CognitoCredentials, 'accessToken' | 'idToken' | 'refreshToken' | 'expiresAt'> {
  return {
    accessToken: tokens.accessToken,
    ...(tokens.idToken === undefined ? {} : { idToken: tokens.idToken }),
    ...(tokens.refreshToken === undefined ? {} : { refreshToken: tokens.refreshToken }),
    expiresAt: tokens.expiresAt.toISOString(),
  };
}
