import { startServerProcess } from '@agentcore-mcp/server-kit/process';

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
 * Runs the real CLI, `agentcore-mcp local --port 0 --runtime ARN=URL …`, with server-kit's
 * `startServerProcess`, and reads the endpoint and the invocation URLs it prints: it is ready once
 * it has printed one URL per runtime.
 *
 * @param options - The CLI, runtimes, authorizer and header allowlist.
 * @returns The running emulator.
 * @throws `ServerProcessError` (`@agentcore-mcp/server-kit/process`) when the CLI exits first or
 *   prints nothing usable within 30 s.
 * @example
 * ```ts
 * const emulator = await startRuntimeEmulator({ cliPath, runtimes: new Map([[arn, server.url]]) });
 * try { … connectAgentCore({ arn, endpoint: emulator.endpoint }) … } finally { await emulator.stop(); }
 * ```
 */
export async function startRuntimeEmulator(
  options: StartRuntimeEmulatorOptions,
): Promise<RuntimeEmulatorProcess> {
  const { runtimes } = options;
  const args = ['local', '--port', '0'];
  if (options.authorizerConfig) args.push('--authorizer-config', options.authorizerConfig);
  if (options.requestHeaderAllowlist)
    args.push('--request-header-allowlist', options.requestHeaderAllowlist);
  for (const [arn, url] of runtimes) args.push('--runtime', `${arn}=${url}`);

  let endpoint = '';
  let currentArn = '';
  const invocationUrls = new Map<string, string>();
  const readBanner = (line: string): string | undefined => {
    endpoint ||= /^AgentCore Runtime emulator on (\S+)/.exec(line)?.[1] ?? '';
    const mapping = /^ {2}(\S+) -> /.exec(line);
    if (mapping?.[1]) currentArn = mapping[1];
    const url = /^ {4}(http\S+)$/.exec(line)?.[1];
    if (url) invocationUrls.set(currentArn, url);
    return endpoint && invocationUrls.size === runtimes.size ? endpoint : undefined;
  };
  const emulator = await startServerProcess(process.execPath, [options.cliPath, ...args], {
    ready: { kind: 'line', parse: readBanner },
  });
  return {
    endpoint,
    invocationUrls,
    stop: async () => {
      await emulator.stop({ signal: 'SIGINT' });
    },
  };
}
