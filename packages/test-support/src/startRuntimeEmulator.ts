import { startServerProcess } from '@agentcore-mcp/server-kit/process';

/** The running `agentcore-mcp local` process. */
export interface RuntimeEmulatorProcess {
  /** The endpoint override clients use, e.g. `http://127.0.0.1:41234`. */
  readonly endpoint: string;
  /** The invocation URL it printed for each runtime ARN. */
  readonly invocationUrls: ReadonlyMap<string, string>;
  /**
   * The runtime sessions it started, in order: one per request that named no `Mcp-Session-Id`
   * (its `[emulator] new runtime session <id> on <runtime>` lines on stderr). A client that keeps
   * AgentCore's microVM affinity adds one per connection. Kept up to date.
   */
  readonly newSessions: readonly string[];
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
 * it has printed one URL per runtime. Afterwards it keeps reading the runtime sessions the
 * emulator logs on stderr.
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
  const newSessions: string[] = [];
  const readSession = (line: string, stream: 'stdout' | 'stderr'): void => {
    const session = /^\s*\[emulator\] new runtime session (\S+) on /.exec(line)?.[1];
    if (stream === 'stderr' && session !== undefined) newSessions.push(session);
  };
  const emulator = await startServerProcess(process.execPath, [options.cliPath, ...args], {
    ready: { kind: 'line', parse: readBanner },
    onOutput: readSession,
  });
  return {
    endpoint,
    invocationUrls,
    newSessions,
    stop: async () => {
      await emulator.stop({ signal: 'SIGINT' });
    },
  };
}
