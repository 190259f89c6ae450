import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** The running `agentcore-mcp local` process. */
export interface RuntimeEmulatorProcess {
  /** The endpoint override clients use, e.g. `http://127.0.0.1:41234`. */
  readonly endpoint: string;
  /** The invocation URL it printed for each runtime ARN. */
  readonly invocationUrls: ReadonlyMap<string, string>;
  /** Sends SIGINT and waits for the exit. */
  stop: () => Promise<void>;
}

/** Options of {@link startRuntimeEmulator}. */
export interface StartRuntimeEmulatorOptions {
  /** The built CLI, `apps/deploy-cli/dist/cli.js`. */
  cliPath: string;
  /** Runtime ARN → local MCP server URL. */
  runtimes: ReadonlyMap<string, string>;
  /** `--authorizer-config`: inline JSON or a file. Default: none. */
  authorizerConfig?: string;
  /** `--request-header-allowlist`. Default: none. */
  requestHeaderAllowlist?: string;
}

/**
 * Runs the real CLI, `agentcore-mcp local --port 0 --runtime ARN=URL …`, and reads the endpoint
 * and the invocation URLs it prints.
 *
 * @param options - The CLI, runtimes, authorizer and header allowlist.
 * @returns The running emulator.
 * @example
 * ```ts
 * const emulator = await startRuntimeEmulator({ cliPath, runtimes: new Map([[arn, server.url]]) });
 * try { … connectAgentCore({ arn, endpoint: emulator.endpoint }) … } finally { await emulator.stop(); }
 * ```
 */
export function startRuntimeEmulator(
  options: StartRuntimeEmulatorOptions,
): Promise<RuntimeEmulatorProcess> {
  const { runtimes } = options;
  const args = ['local', '--port', '0'];
  if (options.authorizerConfig) args.push('--authorizer-config', options.authorizerConfig);
  if (options.requestHeaderAllowlist)
    args.push('--request-header-allowlist', options.requestHeaderAllowlist);
  for (const [arn, url] of runtimes) args.push('--runtime', `${arn}=${url}`);
  const child = spawn(process.execPath, [options.cliPath, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const output: string[] = [];
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => output.push(chunk));

  return new Promise((resolve, reject) => {
    let endpoint = '';
    let currentArn = '';
    const invocationUrls = new Map<string, string>();
    void exited.then((code) =>
      reject(new Error(`agentcore-mcp local exited (${code}): ${output.join('').trim()}`)),
    );
    createInterface({ input: child.stdout }).on('line', (line) => {
      output.push(line);
      endpoint ||= /^AgentCore Runtime emulator on (\S+)/.exec(line)?.[1] ?? '';
      const mapping = /^ {2}(\S+) -> /.exec(line);
      if (mapping?.[1]) currentArn = mapping[1];
      const url = /^ {4}(http\S+)$/.exec(line)?.[1];
      if (url) invocationUrls.set(currentArn, url);
      if (endpoint && invocationUrls.size === runtimes.size) {
        resolve({
          endpoint,
          invocationUrls,
          stop: async () => {
            child.kill('SIGINT');
            await exited;
          },
        });
      }
    });
  });
}
