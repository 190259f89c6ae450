import {
  AgentCoreMcpError,
  type JwtAuthorizerConfig,
  loadAuthorizerConfig,
  parseHeaderAllowlist,
  parseRuntimeArn,
} from '@agentcore-mcp/core';

import { createRuntimeEmulator, type RuntimeEmulator } from '../local/createRuntimeEmulator.js';
import type { EmulatedRuntime } from '../local/emulatedRuntime.js';
import type { Output } from '../output.js';

/** Options of `agentcore-mcp local`. */
export interface LocalCommandOptions {
  /** `--runtime ARN=URL`, repeatable: a runtime ARN and the local MCP server it maps to. */
  runtime: string[];
  /** `--qualifier`: the endpoint name every runtime answers on. Default: `DEFAULT`. */
  qualifier?: string;
  /** `--authorizer-config`: inline JSON or a file, as setup-cognito writes it. Default: no auth. */
  authorizerConfig?: string;
  /** `--request-header-allowlist`: comma-separated headers forwarded to the servers. Default: none. */
  requestHeaderAllowlist?: string;
  /** `--host`. Default: `127.0.0.1`. */
  host?: string;
  /** `--port`. Default: 9000. */
  port?: string;
}

/**
 * `agentcore-mcp local`: runs the local AgentCore Runtime emulator until SIGINT/SIGTERM, so the
 * same client code that calls AWS by ARN can call servers on this machine (`--endpoint`).
 *
 * @param options - The parsed command-line options.
 * @param output - Where to print the endpoint and invocation URLs.
 * @param signals - Resolves when the emulator should stop. Default: the next SIGINT or SIGTERM.
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` / `ERR_INVALID_ARN` /
 *   `ERR_INVALID_HEADER_ALLOWLIST` for bad options; `ERR_LISTEN_FAILED` when the port is taken.
 */
export async function runLocalCommand(
  options: LocalCommandOptions,
  output: Output,
  signals: Promise<unknown> = nextTerminationSignal(),
): Promise<void> {
  const authorizer = loadAuthorizerConfig(options.authorizerConfig);
  const runtimes = toRuntimes(options, authorizer);
  const port = options.port === undefined ? 9000 : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new AgentCoreMcpError(
      'ERR_CONFIG_INVALID',
      `Invalid --port ${options.port ?? ''}: use an integer from 0 to 65535`,
    );
  }
  let emulator: RuntimeEmulator;
  try {
    emulator = await createRuntimeEmulator({ runtimes, host: options.host ?? '127.0.0.1', port });
  } catch (error) {
    if (error instanceof AgentCoreMcpError) throw error;
    throw new AgentCoreMcpError(
      'ERR_LISTEN_FAILED',
      `Cannot listen on ${options.host ?? '127.0.0.1'}:${port} (${(error as NodeJS.ErrnoException).code ?? 'error'}): stop the other process or pass --port`,
      { cause: error },
    );
  }
  output.result(
    `AgentCore Runtime emulator on ${emulator.endpoint}${authorizer ? ' (JWT authorizer on)' : ''}`,
  );
  for (const runtime of runtimes) {
    output.result(`  ${runtime.arn} -> ${runtime.target}`);
    output.result(`    ${emulator.invocationUrl(runtime.arn, runtime.qualifier)}`);
  }
  output.result(`Call it with --endpoint ${emulator.endpoint}; stop with Ctrl-C.`);
  await signals;
  await emulator.close();
}

function toRuntimes(
  options: LocalCommandOptions,
  authorizer: JwtAuthorizerConfig | undefined,
): EmulatedRuntime[] {
  if (options.runtime.length === 0) {
    throw new AgentCoreMcpError(
      'ERR_CONFIG_INVALID',
      'No runtime to serve: pass --runtime <ARN>=<MCP server URL> at least once',
    );
  }
  const allowlist = options.requestHeaderAllowlist
    ? parseHeaderAllowlist(options.requestHeaderAllowlist)
    : undefined;
  return options.runtime.map((spec) => {
    const separator = spec.indexOf('=');
    const arn = separator > 0 ? spec.slice(0, separator) : spec;
    const target = separator > 0 ? spec.slice(separator + 1) : '';
    parseRuntimeArn(arn);
    if (!URL.canParse(target) || !/^https?:$/.test(new URL(target).protocol)) {
      throw new AgentCoreMcpError(
        'ERR_CONFIG_INVALID',
        `Invalid --runtime "${spec}": expected <ARN>=<http(s) URL of the MCP server>, e.g. ${arn}=http://127.0.0.1:8000/mcp`,
      );
    }
    return {
      arn,
      target,
      ...(options.qualifier ? { qualifier: options.qualifier } : {}),
      ...(authorizer ? { authorizer } : {}),
      ...(allowlist ? { requestHeaderAllowlist: allowlist } : {}),
    };
  });
}

function nextTerminationSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
}
