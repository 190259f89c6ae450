import { spawn } from 'node:child_process';

/**
 * Runs the conformance CLI once and collects what it printed (stdout and stderr, in arrival
 * order). It is killed after `timeoutMs`; a CLI that cannot start counts as exit code 1 with the
 * reason in the output.
 *
 * @param node - The `node` binary to run it with.
 * @param args - The arguments, the CLI's script first.
 * @param timeoutMs - The longest run allowed.
 * @returns The exit code and the output.
 * @example
 * ```ts
 * const { exitCode, output } = await runConformanceCli(cli.node, [cli.script, 'server', …], 300_000);
 * ```
 */
export async function runConformanceCli(
  node: string,
  args: readonly string[],
  timeoutMs: number,
): Promise<{ exitCode: number; output: string }> {
  const child = spawn(node, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const exitCode = await new Promise<number>((resolve) => {
    child.once('error', (error) => {
      chunks.push(Buffer.from(`cannot start the conformance CLI: ${error.message}\n`));
      resolve(1);
    });
    child.once('close', (code) => resolve(code ?? 1));
  }).finally(() => clearTimeout(timer));
  return { exitCode, output: Buffer.concat(chunks).toString('utf8') };
}
