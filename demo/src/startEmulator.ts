import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';

/** The running `agentcore-mcp local` process. */
export interface DemoEmulator {
  /** The endpoint override clients use, e.g. `http://127.0.0.1:41234`. */
  readonly endpoint: string;
  /** The invocation URL it printed for each runtime ARN. */
  readonly invocationUrls: ReadonlyMap<string, string>;
  stop(): Promise<void>;
}

/**
 * Runs the real CLI, `agentcore-mcp local --port 0 --runtime ARN=URL … --authorizer-config FILE`,
 * and reads the endpoint and invocation URLs it prints.
 *
 * @param runtimes - Runtime ARN → local MCP server URL.
 * @param authorizerConfigFile - The customJWTAuthorizer the emulator enforces, as AgentCore would.
 * @returns The running emulator.
 */
export function startEmulator(
  runtimes: ReadonlyMap<string, string>,
  authorizerConfigFile: string,
): Promise<DemoEmulator> {
  const args = ['local', '--port', '0', '--authorizer-config', authorizerConfigFile];
  for (const [arn, url] of runtimes) args.push('--runtime', `${arn}=${url}`);
  const child = spawn(process.execPath, [cliPath(), ...args], {
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

function cliPath(): string {
  const manifest = createRequire(import.meta.url).resolve('@agentcore-mcp/deploy-cli/package.json');
  return join(dirname(manifest), 'dist', 'cli.js');
}
