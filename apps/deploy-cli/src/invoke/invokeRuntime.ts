import { resolve } from 'node:path';

import {
  connectAgentCore,
  type ConnectAgentCoreOptions,
  createStaticTokenProvider,
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

/** Options of `agentcore-mcp invoke`: its two arguments and its flags. */
export interface InvokeOptions {
  /** The MCP method: `tools/list` or `tools/call`. */
  method: string;
  /** The tool, for `tools/call`. */
  name?: string | undefined;
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
  /** `--args`: the tool's arguments as a JSON object. Default: `{}`. */
  args?: string;
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
  /** `--json`: print the raw MCP result. */
  json?: boolean;
}

/**
 * Calls a runtime (by ARN, through AWS or a local emulator) or an MCP URL with `tools/list` or
 * `tools/call NAME --args '{…}'`, printing a readable result (or JSON). A tool that reports an
 * error makes the command fail.
 *
 * @param options - The method, the tool name and the flags.
 * @param context - Output, environment and working directory.
 * @throws {@link CliError} `ERR_CONFIG_INVALID` for bad options, `ERR_TOOL_FAILED` for a tool that
 *   reports an error; the client's errors (401, 403, 424…) and `ERR_SERVER_ERROR` for a JSON-RPC
 *   error, each with a one-line message.
 * @example
 * ```ts
 * await invokeRuntime({ method: 'tools/call', name: 'add', args: '{"a":1,"b":2}', url }, context);
 * ```
 */
export async function invokeRuntime(
  options: InvokeOptions,
  context: CommandContext,
): Promise<void> {
  const { output } = context;
  const call = toCall(options.method, options.name, options.args);
  const client = await connectAgentCore(toConnectOptions(options, context));
  try {
    if (call.kind === 'list') {
      const { tools } = await client.listTools();
      if (options.json) output.result(JSON.stringify(tools, null, 2));
      else
        for (const tool of tools)
          output.result(`${tool.name}  ${tool.description ?? ''}`.trimEnd());
      return;
    }
    const result = await client.callTool({ name: call.name, arguments: call.args });
    if (options.json) output.result(JSON.stringify(result, null, 2));
    const text = describeContent(result.content);
    if (result.isError) {
      throw new CliError('ERR_TOOL_FAILED', `Tool "${call.name}" reported an error: ${text}`);
    }
    if (!options.json) output.result(text);
  } finally {
    await client.close();
  }
}

type Call = { kind: 'list' } | { kind: 'call'; name: string; args: Record<string, unknown> };

function toCall(method: string, toolName: string | undefined, args: string | undefined): Call {
  if (method === 'tools/list') return { kind: 'list' };
  if (method !== 'tools/call') {
    throw new CliError(
      'ERR_CONFIG_INVALID',
      `Unknown method "${method}": use tools/list or tools/call NAME --args '{…}'`,
    );
  }
  if (!toolName)
    throw new CliError(
      'ERR_CONFIG_INVALID',
      "tools/call needs the tool's name: agentcore-mcp invoke … tools/call NAME --args '{…}'",
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(args ?? '{}');
  } catch (error) {
    throw new CliError(
      'ERR_CONFIG_INVALID',
      `Invalid --args: not JSON (${(error as Error).message}); pass an object such as '{"a":1}'`,
      { cause: error },
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new CliError(
      'ERR_CONFIG_INVALID',
      `Invalid --args: expected a JSON object such as '{"a":1}'`,
    );
  }
  return { kind: 'call', name: toolName, args: parsed as Record<string, unknown> };
}

function toConnectOptions(
  options: InvokeOptions,
  { env, cwd }: Pick<CommandContext, 'env' | 'cwd'>,
): ConnectAgentCoreOptions {
  if (Boolean(options.arn) === Boolean(options.url)) {
    throw new CliError('ERR_CONFIG_INVALID', 'Pass exactly one of --arn ARN or --url URL');
  }
  const endpoint = options.endpoint ?? (options.local ? LOCAL_EMULATOR_ENDPOINT : undefined);
  const tokenProvider = toTokenProvider(options, { env, cwd });
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
  };
}

function toTokenProvider(
  options: InvokeOptions,
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

function describeContent(content: unknown): string {
  const blocks = Array.isArray(content)
    ? (content as { type: string; text?: string; mimeType?: string }[])
    : [];
  return blocks
    .map((block) =>
      block.type === 'text'
        ? (block.text ?? '')
        : `[${block.type}${block.mimeType ? ` ${block.mimeType}` : ''}]`,
    )
    .join('\n');
}
