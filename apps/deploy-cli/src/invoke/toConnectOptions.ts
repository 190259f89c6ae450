import { resolve } from 'node:path';

import {
  type ConnectAgentCoreOptions,
  createStaticTokenProvider,
  isProtocolMode,
  type ProtocolMode,
  type TokenProvider,
} from '@agentcore-mcp/client';
import { parseRegion } from '@agentcore-mcp/core';

import { readCredentialsFile } from '../cognito/credentialsFile.js';
import { createCredentialsTokenProvider } from '../cognito/credentialsTokenProvider.js';
import type { CommandContext } from '../commandContext.js';
import { CliError } from '../errors.js';
import { readCliVersion } from '../version.js';

/** The emulator's default endpoint, used by `--local`. */
export const LOCAL_EMULATOR_ENDPOINT = 'http://127.0.0.1:9000';

/** `invoke`'s flags that say where and how to connect. */
export interface InvokeConnectionOptions {
  /** `--arn`: the runtime to call. */
  arn?: string;
  /** `--url`: a plain MCP URL instead of an ARN. */
  url?: string;
  /** `--qualifier`. Default: `DEFAULT`. */
  qualifier?: string;
  /** `--endpoint`: where to send ARN requests instead of AWS. */
  endpoint?: string;
  /** `--local`: shorthand for `--endpoint http://127.0.0.1:9000` (agentcore-mcp local). */
  local?: boolean;
  /** `--token`: a bearer token (prefer env `BEARER_TOKEN`: arguments show in process lists). */
  token?: string;
  /** `--credentials`: setup-cognito's credentials file, refreshed as needed. */
  credentials?: string;
  /** `--sigv4`: sign with AWS credentials (IAM-authorized runtimes). */
  sigv4?: boolean;
  /** `--region`: for SigV4 with `--url`. Default: from the ARN. */
  region?: string;
  /** `--header NAME:VALUE`, repeatable. */
  header?: string[];
  /** `--user-id`: sends `X-Amzn-Bedrock-AgentCore-Runtime-User-Id`. */
  userId?: string;
  /**
   * `--protocol`: `auto` (MCP 2026-07-28 when the server offers it, else 2025), `legacy` (2025's
   * `initialize`) or `2026-07-28` (that revision or fail). Default: `auto`.
   */
  protocol?: string;
}

/**
 * Turns `invoke`'s flags into client's `connectAgentCore` options: the target (ARN or URL), the
 * endpoint override, one auth method (a token from `--token`/`BEARER_TOKEN`/`--credentials`, or
 * SigV4) and the protocol era.
 *
 * @param options - The flags.
 * @param context - The environment (`BEARER_TOKEN`) and the directory `--credentials` is relative to.
 * @returns The options to connect with.
 * @throws {@link CliError} `ERR_CONFIG_INVALID` for both or neither of `--arn`/`--url`, a token
 *   together with `--sigv4`, a malformed `--header`, or an unknown `--protocol`.
 * @example
 * ```ts
 * const client = await connectAgentCore(toConnectOptions({ url: 'http://127.0.0.1:8000/mcp' }, context));
 * ```
 */
export function toConnectOptions(
  options: InvokeConnectionOptions,
  context: Pick<CommandContext, 'env' | 'cwd'>,
): ConnectAgentCoreOptions {
  if (Boolean(options.arn) === Boolean(options.url)) {
    throw new CliError('ERR_CONFIG_INVALID', 'Pass exactly one of --arn ARN or --url URL');
  }
  const protocol = toProtocol(options.protocol);
  const endpoint = options.endpoint ?? (options.local ? LOCAL_EMULATOR_ENDPOINT : undefined);
  const tokenProvider = toTokenProvider(options, context);
  if (tokenProvider && options.sigv4) {
    throw new CliError(
      'ERR_CONFIG_INVALID',
      'Pass either a token (--token, BEARER_TOKEN, --credentials) or --sigv4, not both: a runtime accepts one of them',
    );
  }
  return {
    ...(options.arn ? { arn: options.arn } : { url: options.url }),
    ...(options.qualifier ? { qualifier: options.qualifier } : {}),
    ...(endpoint ? { endpoint } : {}),
    ...(tokenProvider ? { tokenProvider } : {}),
    ...(options.sigv4
      ? { sigv4: options.region ? { region: parseRegion(options.region, '--region') } : true }
      : {}),
    ...(options.userId ? { userId: options.userId } : {}),
    headers: toHeaders(options.header ?? []),
    clientInfo: { name: 'agentcore-mcp-cli', version: readCliVersion() },
    protocol,
  };
}

function toProtocol(protocol: string | undefined): ProtocolMode {
  if (protocol === undefined) return 'auto';
  if (isProtocolMode(protocol)) return protocol;
  throw new CliError(
    'ERR_CONFIG_INVALID',
    `Invalid --protocol "${protocol}": use auto (2026-07-28 when the server offers it, else 2025), legacy (2025's initialize) or 2026-07-28`,
  );
}

function toTokenProvider(
  options: InvokeConnectionOptions,
  { env, cwd }: Pick<CommandContext, 'env' | 'cwd'>,
): TokenProvider | undefined {
  const fromEnv = env.BEARER_TOKEN?.trim();
  const token = options.token ?? (fromEnv === '' ? undefined : fromEnv);
  if (token) return createStaticTokenProvider(token);
  if (!options.credentials) return undefined;
  return createCredentialsTokenProvider(readCredentialsFile(resolve(cwd, options.credentials)));
}

function toHeaders(entries: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const entry of entries) {
    const separator = entry.indexOf(':');
    if (separator <= 0) {
      throw new CliError('ERR_CONFIG_INVALID', `Invalid --header "${entry}": expected NAME:VALUE`);
    }
    headers[entry.slice(0, separator).trim()] = entry.slice(separator + 1).trim();
  }
  return headers;
}
