import { appendFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

import {
  findFreePort,
  type ServerProcess,
  startServerProcess,
} from '@agentcore-mcp/server-kit/process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import type { Buildah } from './buildah.js';
import { findContainerProcess } from './containerProcess.js';
import type { CheckContext, ImageSpec, ImageTarget, ServerCheck } from './imageSpec.js';
import { type Platform, PLATFORMS } from './platforms.js';

/** Options of {@link checkImage}. */
export interface CheckImageOptions {
  readonly buildah: Buildah;
  /** The image to check, by tag. */
  readonly image: string;
  readonly platform: Platform;
  readonly check: ImageSpec['check'];
  /** A line the command or server must also print (see {@link ImageTarget}). Default: none. */
  readonly expectLine?: ImageTarget['expectLine'];
  readonly context: CheckContext;
  /** Where the commands and the server's output go. */
  readonly logFile: string;
  /** The platform is emulated (qemu): allow for a start ten times slower. */
  readonly emulated: boolean;
  /** Told about a server process while it runs, to kill it if `pnpm images` is interrupted. */
  readonly onServer?: (server: ServerProcess | undefined) => void;
}

/** What {@link checkImage} found. */
export interface CheckImageResult {
  /** What was checked, in order, e.g. `uid 1000`, `node v24.11.1 arm64`, `GET /ping`. */
  readonly passed: readonly string[];
  /** For a server: spawn to its listening line, in ms. */
  readonly startMs: number | undefined;
}

/**
 * Runs a container of `image` (buildah, chroot isolation: it shares this machine's network) and
 * checks it: that it runs as a non-root user (`id -u` ≠ 0), on Node 24 for its platform, and then
 * that the server answers `GET /ping` and a real MCP `tools/call`, or that the command prints what
 * it should. The container is removed afterwards.
 *
 * @param options - The image, its check, the store.
 * @returns The checks passed and the server's start time.
 * @throws Error naming the first check that failed.
 */
export async function checkImage(options: CheckImageOptions): Promise<CheckImageResult> {
  const { buildah, check, logFile } = options;
  const log = { logFile };
  const container = (
    await buildah.run(['from', '--pull=never', '--quiet', options.image], log)
  ).stdout.trim();
  const run = (command: readonly string[]) => runArgs(container, command);
  const passed: string[] = [];
  try {
    const uid = (await buildah.run(run(['id', '-u']), log)).stdout.trim();
    if (!/^[1-9]\d*$/.test(uid))
      throw new Error(`its processes run as uid ${uid}: the image must end with a non-root USER`);
    passed.push(`uid ${uid}`);

    // The image's NODE_OPTIONS may preload code that prints (ADOT does): read our own line.
    const nodeLine = (
      await buildah.run(run(['node', '-p', '"node " + process.version + " " + process.arch']), log)
    ).stdout
      .split('\n')
      .find((line) => line.startsWith('node '));
    const [, version = '', arch] = (nodeLine ?? '').split(' ');
    const nodeArch = PLATFORMS[options.platform].nodeArch;
    if (!version.startsWith('v24.') || arch !== nodeArch)
      throw new Error(`it runs Node ${version} ${arch}, expected v24.x ${nodeArch}`);
    passed.push(`node ${version} ${arch}`);

    if (check.kind === 'command') {
      const { stdout, stderr } = await buildah.run(run(check.command), log);
      const lines = stdout.split('\n');
      const line = lines.find((candidate) => check.expectStdout.test(candidate));
      if (line === undefined)
        throw new Error(
          `${check.command.join(' ')} printed "${stdout.trim()}", expected ${String(check.expectStdout)}`,
        );
      passed.push(`${check.command.at(-1)}: ${line}`);
      checkExpectedLine(options, [...lines, ...stderr.split('\n')], passed);
      return { passed, startMs: undefined };
    }
    const startMs = await checkServer({ ...options, container }, check, passed);
    return { passed, startMs };
  } catch (error) {
    const done = passed.length === 0 ? '' : ` (passed: ${passed.join(', ')})`;
    throw new Error(`${(error as Error).message}${done}`, { cause: error });
  } finally {
    await buildah.run(['rm', container], log).catch(() => undefined);
  }
}

/** Starts the server, checks it, stops it; returns its start time. */
async function checkServer(
  options: CheckImageOptions & { readonly container: string },
  check: ServerCheck,
  passed: string[],
): Promise<number> {
  const port = await findFreePort();
  const env = { HOST: '127.0.0.1', PORT: String(port), ...(await check.env?.(options.context)) };
  const slow = options.emulated ? 10 : 1;
  const output: string[] = [];
  const args = [...options.buildah.storeArgs, ...runArgs(options.container, check.command, env)];
  const server = await startServerProcess('buildah', args, {
    // A process group of its own: stop() and an interrupt reach buildah and its helpers at once.
    processGroup: true,
    readyTimeoutMs: 30_000 * slow,
    onOutput: (line, stream) => {
      output.push(line);
      appendFileSync(options.logFile, `[${stream}] ${line}\n`);
    },
  });
  options.onServer?.(server);
  try {
    passed.push(`listening`);
    const ping = await fetch(new URL('/ping', server.url), {
      signal: AbortSignal.timeout(10_000 * slow),
    });
    const body = (await ping.json().catch(() => ({}))) as { status?: unknown };
    if (
      ping.status !== 200 ||
      typeof body.status !== 'string' ||
      !body.status.startsWith('Healthy')
    )
      throw new Error(`GET /ping answered ${ping.status} ${JSON.stringify(body)}`);
    passed.push('GET /ping');

    const client = new Client({ name: 'agentcore-mcp-images', version: '0.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(server.url)));
    try {
      const result = await client.callTool(
        { name: check.call.name, arguments: { ...check.call.arguments } },
        undefined,
        { timeout: 30_000 * slow },
      );
      const [first] = result.content as { type: string; text?: string }[];
      if (result.isError === true || first?.text !== check.call.expectText)
        throw new Error(
          `tools/call ${check.call.name} answered ${JSON.stringify(result.content)}, expected "${check.call.expectText}"`,
        );
      passed.push(`tools/call ${check.call.name}`);
    } finally {
      await client.close();
    }
    checkExpectedLine(options, output, passed);

    // Stop it as `docker stop` would: SIGTERM to the command itself (buildah, signalled, would
    // SIGKILL it), which must then exit 0.
    const pid = findContainerProcess(server.pid);
    if (pid === undefined) throw new Error('the container process was not found below buildah');
    process.kill(pid, 'SIGTERM');
    const exit = await Promise.race([server.exited, sleep(10_000 * slow)]);
    if (exit !== 0)
      throw new Error(
        `on SIGTERM it ${exit === undefined ? 'did not exit' : `exited with ${exit}`}, expected 0`,
      );
    passed.push('SIGTERM: exit 0');
  } finally {
    await server.stop();
    options.onServer?.(undefined);
  }
  return server.readyAfterMs;
}

/** Checks `options.expectLine` against what the image printed. */
function checkExpectedLine(
  options: CheckImageOptions,
  lines: readonly string[],
  passed: string[],
): void {
  if (options.expectLine === undefined) return;
  const { pattern, proves } = options.expectLine;
  if (!lines.some((line) => pattern.test(line)))
    throw new Error(`it printed no line matching ${String(pattern)}, which would show: ${proves}`);
  passed.push(proves);
}

/** `buildah run` arguments for `command` in `container`, with extra environment variables. */
function runArgs(
  container: string,
  command: readonly string[],
  env: Readonly<Record<string, string>> = {},
): string[] {
  const envArgs = Object.entries(env).flatMap(([name, value]) => ['--env', `${name}=${value}`]);
  return ['run', '--isolation', 'chroot', ...envArgs, container, '--', ...command];
}
