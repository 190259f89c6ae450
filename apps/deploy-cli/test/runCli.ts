import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built entry, exactly as the `agentcore-mcp` bin runs it (turbo builds it before `test`). */
export const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

/** What one CLI run printed and how it exited. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node dist/cli.js …` in `cwd` with exactly `env` (pass `cleanEnv(…)` so no AWS variables
 * leak in from the machine running the tests), and collects its output. Default: this process's
 * directory and environment.
 */
export function runCli(
  args: readonly string[],
  { cwd, env }: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A clean environment: PATH, and HOME pointing at `home` so no ~/.aws is read. */
export function cleanEnv(home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: home, ...extra };
}

/** Asserts the run failed the CLI way: exit 1, nothing on stdout, one `error:` line on stderr. */
export function errorLine(run: CliRun): string {
  if (run.code !== 1 || run.stdout !== '' || !run.stderr.endsWith('\n')) {
    throw new Error(`expected one error line and exit 1, got ${JSON.stringify(run)}`);
  }
  const lines = run.stderr.trimEnd().split('\n');
  if (lines.length !== 1 || !lines[0]?.startsWith('error: ')) {
    throw new Error(`expected exactly one "error:" line, got ${JSON.stringify(run.stderr)}`);
  }
  return lines[0];
}
