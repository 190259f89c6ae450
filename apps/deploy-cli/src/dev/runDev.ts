import { relative } from 'node:path';

import { type JwtAuthorizerConfig, parsePort } from '@agentcore-mcp/core';
import { findFreePort } from '@agentcore-mcp/server-kit/process';

import type { CommandContext } from '../commandContext.js';
import type { RuntimeEmulator } from '../local/createRuntimeEmulator.js';
import type { EmulatedRuntime } from '../local/emulatedRuntime.js';
import { listenEmulator } from '../local/listenEmulator.js';
import { resolveServerLaunch, type ServerLaunch } from '../local/serverLaunch.js';
import { nextTerminationSignal } from '../local/terminationSignal.js';
import {
  describeLocalArn,
  type LocalRuntime,
  resolveLocalRuntime,
} from '../project/localRuntime.js';
import type { LocalAuth } from './localAuth.js';
import { type ReloadingServer, startReloadingServer } from './reloadingServer.js';
import { type ChangeWatcher, watchForChanges } from './watchForChanges.js';

/** Options of `agentcore-mcp dev`. */
export interface DevOptions {
  /** `--name`: the runtime in `.agentcore-mcp.yaml`. Default: the project's default runtime. */
  readonly name?: string | undefined;
  /** `--entry`: the server's entry file. Default: `src/main.ts` (or a gateway project's gateway). */
  readonly entry?: string | undefined;
  /** `--port`: the emulator's port on 127.0.0.1 (0 picks a free one). Default: 9000. */
  readonly port?: string | undefined;
  /** `--local-auth`: a local cognito-local issuer instead of the configured authorizer. */
  readonly localAuth?: boolean | undefined;
}

/**
 * `agentcore-mcp dev`: runs the project's server (or gateway) on 127.0.0.1 and a free port,
 * restarting it when its files change, behind the local AgentCore Runtime emulator under the
 * project's runtime ARN, with the project's authorizer (or, with `--local-auth`, a local Cognito
 * and a token). Prints the ARN, the invocation URL and how to call it; shows the server's output
 * prefixed with its name; stops everything on SIGINT/SIGTERM and returns (exit code 0).
 *
 * @param options - The parsed command-line options.
 * @param context - Output, project root, environment.
 * @param signals - Resolves when dev should stop. Default: the next SIGINT or SIGTERM.
 * @throws {@link CliError} `ERR_RUNTIME_FAILED` when the server fails at its first start (exit code
 *   and stderr line), `ERR_NOT_CONFIGURED` when there is nothing to run or tsx / gateway-service /
 *   cognito-local is missing, `ERR_LISTEN_FAILED` when the port is taken.
 * @example
 * ```ts
 * await runDev({ port: '0' }, context);
 * ```
 */
export async function runDev(
  options: DevOptions,
  context: CommandContext,
  signals: Promise<unknown> = nextTerminationSignal(),
): Promise<void> {
  const { output } = context;
  const runtime = resolveLocalRuntime(context.cwd, { name: options.name, env: context.env });
  const launch = resolveServerLaunch(runtime.directory, { entry: options.entry });
  const port = parsePort(options.port ?? '9000', '--port');
  const abort = new AbortController();
  void signals.then(() => abort.abort());

  let auth: LocalAuth | undefined;
  let server: ReloadingServer | undefined;
  let emulator: RuntimeEmulator | undefined;
  let watcher: ChangeWatcher | undefined;
  try {
    if (options.localAuth) {
      const { setUpLocalAuth } = await import('./localAuth.js');
      auth = await setUpLocalAuth(runtime.directory, context);
    }
    server = await startReloadingServer({
      launch,
      name: runtime.name,
      port: await findFreePort(),
      env: runtime.project?.environment,
      output,
      signal: abort.signal,
    });
    const reloading = server;
    const authorizer = auth?.authorizer ?? runtime.project?.authorizer?.customJWTAuthorizer;
    const emulated: EmulatedRuntime = {
      arn: runtime.arn,
      target: reloading.url,
      ...(authorizer ? { authorizer } : {}),
      ...(runtime.project?.requestHeaderAllowlist
        ? { requestHeaderAllowlist: [...runtime.project.requestHeaderAllowlist] }
        : {}),
      get ready() {
        return reloading.ready;
      },
    };
    emulator = await listenEmulator([emulated], { host: '127.0.0.1', port });
    watcher = watchForChanges(launch, (path) => void reloading.restart(`${path} changed`));
    for (const line of describeDev({ runtime, launch, server, emulator, authorizer, auth })) {
      output.result(line);
    }
    await signals;
  } catch (error) {
    // Ctrl-C during start-up is a stop, not a failure.
    if (!abort.signal.aborted) throw error;
  } finally {
    watcher?.close();
    await emulator?.close();
    await server?.stop();
    await auth?.stop();
  }
}

/** What dev prints once everything runs. */
function describeDev(parts: {
  runtime: LocalRuntime;
  launch: ServerLaunch;
  server: ReloadingServer;
  emulator: RuntimeEmulator;
  authorizer: JwtAuthorizerConfig | undefined;
  auth: LocalAuth | undefined;
}): string[] {
  const { runtime, launch, server, emulator, authorizer, auth } = parts;
  const watched = [
    ...launch.watchDirectories.map((path) => `${relative(launch.cwd, path)}/`),
    ...launch.watchFiles,
  ].join(', ');
  const call = `npx agentcore-mcp invoke --endpoint ${emulator.endpoint} --arn ${runtime.arn}`;
  const lines = [
    `agentcore-mcp dev: ${runtime.name}, ${launch.description} on ${server.url}, restarted when ${watched} change`,
    `AgentCore Runtime emulator on ${emulator.endpoint}`,
    `  runtime ARN     ${runtime.arn}`,
    `                  (${describeLocalArn(runtime)})`,
    `  invocation URL  ${emulator.invocationUrl(runtime.arn)}`,
  ];
  if (auth) {
    lines.push(
      `  auth            JWT, local Cognito (cognito-local) on ${auth.endpoint}`,
      `  token           ${auth.token}`,
      `                  (a fresh one: npx agentcore-mcp token --credentials ${auth.credentialsFile})`,
      `Call it: ${call} --token <token> tools/list`,
    );
  } else if (authorizer) {
    lines.push(
      `  auth            JWT, the authorizer of .agentcore-mcp.yaml (${authorizer.discoveryUrl})`,
      `                  a token: npx agentcore-mcp token (after agentcore-mcp setup-cognito), or dev --local-auth`,
      `Call it: ${call} --token <token> tools/list`,
    );
  } else {
    lines.push(
      '  auth            none: the runtime has no JWT authorizer (AWS would require SigV4 signing)',
      `Call it: ${call} tools/list`,
    );
  }
  lines.push('Stop with Ctrl-C.');
  return lines;
}
