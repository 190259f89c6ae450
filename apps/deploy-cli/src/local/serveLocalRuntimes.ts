import {
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
import {
  describeLocalArn,
  type LocalRuntime,
  resolveLocalRuntime,
} from '../project/localRuntime.js';
import { readProjectConfig } from '../project/projectConfigFile.js';
import type { EmulatedRuntime } from './emulatedRuntime.js';
import { listenEmulator } from './listenEmulator.js';
import { resolveServerLaunch } from './serverLaunch.js';
import { nextTerminationSignal } from './terminationSignal.js';

/** Options of `agentcore-mcp local`. */
export interface LocalOptions {
  /** `--runtime ARN=URL`, repeatable: a runtime ARN and the running MCP server it maps to. */
  runtime: string[];
  /** `--start ARN=COMMAND`, repeatable: a server command the emulator starts with HOST/PORT set. */
  start?: string[];
  /**
   * `--name`: without `--runtime`/`--start`, the runtime of `.agentcore-mcp.yaml` to serve.
   * Default: the project's default runtime.
   */
  name?: string;
  /** `--qualifier`: the endpoint name every runtime answers on. Default: `DEFAULT`. */
  qualifier?: string;
  /**
   * `--authorizer-config`: inline JSON or a file, as setup-cognito writes it. Default: no auth, or
   * the project runtime's authorizer when it is served.
   */
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

/** A server to start: the executable, its arguments, and where and with what it runs. */
interface StartSpec {
  readonly arn: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd?: string | undefined;
  readonly env?: Readonly<Record<string, string>> | undefined;
}

/** A server `--start` launched: where it will listen, and the process once it is ready. */
interface StartedRuntime {
  readonly arn: string;
  readonly target: string;
  readonly starting: Promise<ServerProcess>;
  readonly ready: Promise<boolean>;
}

/**
 * Runs the local AgentCore Runtime emulator (`agentcore-mcp local`) until SIGINT/SIGTERM, so the
 * same client code that calls AWS by ARN can call servers on this machine (`--endpoint`). Each
 * runtime session it starts for a request without `Mcp-Session-Id` is logged on stderr
 * (`[emulator] new runtime session <id> on <runtime>`), so a client's microVM affinity shows. With
 * `--start ARN=COMMAND` it starts the server itself (HOST=127.0.0.1, a free PORT), shows its output
 * on stderr prefixed with the runtime's name, and, like AgentCore, answers 424 if it does not come
 * up within 30 s; a server that exits first is reported at once, with its telling stderr line.
 * Without `--runtime` and `--start`, in a project with `.agentcore-mcp.yaml`, it starts the
 * project's runtime the way `dev` does (without reloading), under the ARN `dev` uses, with the
 * runtime's authorizer, header allowlist and environment.
 *
 * @param options - The parsed command-line options.
 * @param context - Where to print the endpoint and invocation URLs; the project root.
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
  context: Pick<CommandContext, 'output' | 'cwd' | 'env'>,
  signals: Promise<unknown> = nextTerminationSignal(),
): Promise<void> {
  const { output } = context;
  const starts = (options.start ?? []).map((spec) => parseStartSpec(spec));
  const project =
    options.runtime.length === 0 && starts.length === 0
      ? findProjectRuntime(options, context)
      : undefined;
  if (project) starts.push(project.start);
  const authorizer =
    loadAuthorizerConfig(options.authorizerConfig) ??
    project?.runtime.project?.authorizer?.customJWTAuthorizer;
  const allowlist =
    options.requestHeaderAllowlist ?? project?.runtime.project?.requestHeaderAllowlist?.join(',');
  const port = parsePort(options.port ?? '9000', '--port');
  const settings = { qualifier: options.qualifier, authorizer, allowlist };
  const fixed = options.runtime.map((spec) => {
    const [arn, target] = parseRuntimeSpec(spec);
    return toRuntime(arn, target, settings);
  });
  const stopStarting = new AbortController();
  const started = [];
  try {
    for (const start of starts) {
      started.push(await startRuntime(start, { output, signal: stopStarting.signal }));
    }
    const runtimes = [
      ...fixed,
      ...started.map(({ arn, target, ready }) => ({ ...toRuntime(arn, target, settings), ready })),
    ];
    const emulator = await listenEmulator(runtimes, {
      host: options.host ?? '127.0.0.1',
      port,
      // What AgentCore routes by: one line per runtime session (microVM) a client starts.
      onNewSession: ({ arn, sessionId }) =>
        output.note(
          `[emulator] new runtime session ${sessionId} on ${parseRuntimeArn(arn).runtimeId}`,
        ),
    });
    output.result(
      `AgentCore Runtime emulator on ${emulator.endpoint}${authorizer ? ' (JWT authorizer on)' : ''}`,
    );
    for (const runtime of runtimes) {
      output.result(`  ${runtime.arn} -> ${runtime.target}`);
      output.result(`    ${emulator.invocationUrl(runtime.arn, runtime.qualifier)}`);
    }
    if (project) output.result(`  (${describeLocalArn(project.runtime)})`);
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

/** The project's runtime to start when no `--runtime`/`--start` is given; refuses without one. */
function findProjectRuntime(
  options: LocalOptions,
  context: Pick<CommandContext, 'cwd' | 'env'>,
): { runtime: LocalRuntime; start: StartSpec } {
  if (readProjectConfig(context.cwd) === undefined && options.name === undefined) {
    throw new CliError(
      'ERR_CONFIG_INVALID',
      'No runtime to serve: pass --runtime <ARN>=<MCP server URL> or --start <ARN>=<command> at least once, or run it in a project configured with agentcore-mcp configure',
    );
  }
  const runtime = resolveLocalRuntime(context.cwd, { name: options.name, env: context.env });
  let launch;
  try {
    launch = resolveServerLaunch(runtime.directory, {});
  } catch (error) {
    throw new CliError(
      'ERR_NOT_CONFIGURED',
      `${error instanceof Error ? error.message : String(error)}; or say how to start it: --start ${runtime.arn}=<command>`,
      { cause: error },
    );
  }
  const { command, args, cwd } = launch;
  return {
    runtime,
    start: { arn: runtime.arn, command, args, cwd, env: runtime.project?.environment },
  };
}

/**
 * Starts one server in its own process group on a free port.
 *
 * @returns Where it will listen, the start-up, and whether it came up (a failure is printed).
 */
async function startRuntime(
  start: StartSpec,
  { output, signal }: { output: CommandContext['output']; signal: AbortSignal },
): Promise<StartedRuntime> {
  const port = await findFreePort();
  const name = parseRuntimeArn(start.arn).runtimeId;
  const starting = startServerProcess(start.command, start.args, {
    cwd: start.cwd,
    env: { ...start.env, PORT: String(port) },
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
  return { arn: start.arn, target: `http://127.0.0.1:${port}/mcp`, starting, ready };
}

function toRuntime(
  arn: string,
  target: string,
  settings: {
    qualifier: string | undefined;
    authorizer: JwtAuthorizerConfig | undefined;
    allowlist: string | undefined;
  },
): EmulatedRuntime {
  const allowlist = settings.allowlist ? parseHeaderAllowlist(settings.allowlist) : undefined;
  return {
    arn,
    target,
    ...(settings.qualifier ? { qualifier: settings.qualifier } : {}),
    ...(settings.authorizer ? { authorizer: settings.authorizer } : {}),
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

function parseStartSpec(spec: string): StartSpec {
  const [arn, command] = splitSpec(spec);
  parseRuntimeArn(arn);
  if (!command.trim()) {
    throw new CliError(
      'ERR_CONFIG_INVALID',
      `Invalid --start "${spec}": expected <ARN>=<command>, e.g. ${arn}="node apps/example-server/dist/main.js"`,
    );
  }
  return { arn, command: '/bin/sh', args: ['-c', command] };
}

/** Splits `ARN=VALUE` at the first `=` (ARNs contain none). */
function splitSpec(spec: string): [string, string] {
  const separator = spec.indexOf('=');
  return separator > 0 ? [spec.slice(0, separator), spec.slice(separator + 1)] : [spec, ''];
}
