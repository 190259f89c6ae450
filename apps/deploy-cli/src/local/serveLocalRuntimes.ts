import {
  AgentCoreMcpError,
  firstLine,
  type JwtAuthorizerConfig,
  loadAuthorizerConfig,
  parseHeaderAllowlist,
  parsePort,
  parseRuntimeArn,
} from '@agentcore-mcp/core';
import {
  findFreePort,
  type ServerProcess,
  startServerProcess,
} from '@agentcore-mcp/server-kit/process';

import type { CommandContext } from '../commandContext.js';
import { CliError } from '../errors.js';
import { createRuntimeEmulator, type RuntimeEmulator } from './createRuntimeEmulator.js';
import type { EmulatedRuntime } from './emulatedRuntime.js';

/** Options of `agentcore-mcp local`. */
export interface LocalOptions {
  /** `--runtime ARN=URL`, repeatable: a runtime ARN and the running MCP server it maps to. */
  runtime: string[];
  /** `--start ARN=COMMAND`, repeatable: a server command the emulator starts with HOST/PORT set. */
  start?: string[];
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

/** AgentCore's limit for a runtime to come up: 30 s, then HTTP 424. */
const RUNTIME_INIT_TIMEOUT_MS = 30_000;

/** A server `--start` launched: where it will listen, and the process once it is ready. */
interface StartedRuntime {
  readonly arn: string;
  readonly target: string;
  readonly starting: Promise<ServerProcess>;
  readonly ready: Promise<boolean>;
}

/**
 * Runs the local AgentCore Runtime emulator (`agentcore-mcp local`) until SIGINT/SIGTERM, so the
 * same client code that calls AWS by ARN can call servers on this machine (`--endpoint`). With
 * `--start ARN=COMMAND` it starts the server itself (HOST=127.0.0.1, a free PORT), shows its output
 * on stderr prefixed with the runtime's name, and, like AgentCore, answers 424 if it does not come
 * up within 30 s; a server that exits first is reported at once, with its telling stderr line.
 *
 * @param options - The parsed command-line options.
 * @param context - Where to print the endpoint and invocation URLs.
 * @param signals - Resolves when the emulator should stop. Default: the next SIGINT or SIGTERM.
 * @throws {@link CliError} `ERR_CONFIG_INVALID` for bad options, `ERR_LISTEN_FAILED` when the port
 *   is taken; `AgentCoreMcpError` `ERR_INVALID_ARN` / `ERR_INVALID_HEADER_ALLOWLIST`.
 * @example
 * ```ts
 * await serveLocalRuntimes({ runtime: [`${arn}=http://127.0.0.1:8000/mcp`] }, context);
 * ```
 */
export async function serveLocalRuntimes(
  options: LocalOptions,
  context: Pick<CommandContext, 'output'>,
  signals: Promise<unknown> = nextTerminationSignal(),
): Promise<void> {
  const { output } = context;
  const authorizer = loadAuthorizerConfig(options.authorizerConfig);
  const starts = (options.start ?? []).map((spec) => parseStartSpec(spec));
  if (options.runtime.length === 0 && starts.length === 0) {
    throw new CliError(
      'ERR_CONFIG_INVALID',
      'No runtime to serve: pass --runtime <ARN>=<MCP server URL> or --start <ARN>=<command> at least once',
    );
  }
  const port = parsePort(options.port ?? '9000', '--port');
  const fixed = options.runtime.map((spec) => {
    const [arn, target] = parseRuntimeSpec(spec);
    return toRuntime(arn, target, { options, authorizer });
  });
  const stopStarting = new AbortController();
  const started = [];
  try {
    for (const { arn, command } of starts) {
      started.push(await startRuntime(arn, command, { output, signal: stopStarting.signal }));
    }
    const runtimes = [
      ...fixed,
      ...started.map(({ arn, target, ready }) => ({
        ...toRuntime(arn, target, { options, authorizer }),
        ready,
      })),
    ];
    const emulator = await listen(runtimes, { host: options.host ?? '127.0.0.1', port });
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
  } finally {
    stopStarting.abort();
    await Promise.all(
      started.map(({ starting }) =>
        starting.then(
          (server) => server.stop(),
          () => undefined,
        ),
      ),
    );
  }
}

/**
 * Starts one `--start` command through the shell, in its own process group, on a free port.
 *
 * @returns Where it will listen, the start-up, and whether it came up (a failure is printed).
 */
async function startRuntime(
  arn: string,
  command: string,
  { output, signal }: { output: CommandContext['output']; signal: AbortSignal },
): Promise<StartedRuntime> {
  const port = await findFreePort();
  const name = parseRuntimeArn(arn).runtimeId;
  const starting = startServerProcess('/bin/sh', ['-c', command], {
    env: { PORT: String(port) },
    ready: { kind: 'port', port },
    readyTimeoutMs: RUNTIME_INIT_TIMEOUT_MS,
    processGroup: true,
    signal,
    onOutput: (line) => output.note(`[${name}] ${line}`),
  });
  const ready = starting.then(
    () => true,
    (error: unknown) => {
      if (!signal.aborted) {
        output.note(
          `runtime ${name} did not start, so its requests get 424: ${error instanceof Error ? firstLine(error.message) : String(error)}`,
        );
      }
      return false;
    },
  );
  return { arn, target: `http://127.0.0.1:${port}/mcp`, starting, ready };
}

async function listen(
  runtimes: readonly EmulatedRuntime[],
  { host, port }: { host: string; port: number },
): Promise<RuntimeEmulator> {
  try {
    return await createRuntimeEmulator({ runtimes, host, port });
  } catch (error) {
    if (error instanceof AgentCoreMcpError) throw error;
    throw new CliError(
      'ERR_LISTEN_FAILED',
      `Cannot listen on ${host}:${port} (${(error as NodeJS.ErrnoException).code ?? 'error'}): stop the other process or pass --port`,
      { cause: error },
    );
  }
}

function toRuntime(
  arn: string,
  target: string,
  { options, authorizer }: { options: LocalOptions; authorizer: JwtAuthorizerConfig | undefined },
): EmulatedRuntime {
  const allowlist = options.requestHeaderAllowlist
    ? parseHeaderAllowlist(options.requestHeaderAllowlist)
    : undefined;
  return {
    arn,
    target,
    ...(options.qualifier ? { qualifier: options.qualifier } : {}),
    ...(authorizer ? { authorizer } : {}),
    ...(allowlist ? { requestHeaderAllowlist: allowlist } : {}),
  };
}

function parseRuntimeSpec(spec: string): [string, string] {
  const [arn, target] = splitSpec(spec);
  parseRuntimeArn(arn);
  if (!URL.canParse(target) || !/^https?:$/.test(new URL(target).protocol)) {
    throw new CliError(
      'ERR_CONFIG_INVALID',
      `Invalid --runtime "${spec}": expected <ARN>=<http(s) URL of the MCP server>, e.g. ${arn}=http://127.0.0.1:8000/mcp`,
    );
  }
  return [arn, target];
}

function parseStartSpec(spec: string): { arn: string; command: string } {
  const [arn, command] = splitSpec(spec);
  parseRuntimeArn(arn);
  if (!command.trim()) {
    throw new CliError(
      'ERR_CONFIG_INVALID',
      `Invalid --start "${spec}": expected <ARN>=<command>, e.g. ${arn}="node apps/example-server/dist/main.js"`,
    );
  }
  return { arn, command };
}

/** Splits `ARN=VALUE` at the first `=` (ARNs contain none). */
function splitSpec(spec: string): [string, string] {
  const separator = spec.indexOf('=');
  return separator > 0 ? [spec.slice(0, separator), spec.slice(separator + 1)] : [spec, ''];
}

function nextTerminationSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
}
