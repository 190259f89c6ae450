import { spawnSync } from 'node:child_process';

/**
 * Makes sure wrk (Debian package `wrk`) is on the PATH, installing it with apt-get when it is
 * missing and the bench runs as root (as on CI machines); otherwise says how to install it.
 *
 * @param log - Where progress lines go.
 * @returns wrk's version line.
 * @throws Error when wrk is missing and cannot be installed.
 */
export function ensureWrk(log: (line: string) => void): string {
  if (!hasWrk()) {
    if (process.getuid?.() !== 0) {
      throw new Error(
        'wrk is not installed: run `sudo apt-get install -y wrk`, then rerun the bench',
      );
    }
    log('wrk is missing: installing it with apt-get (Debian package "wrk")');
    const quiet = {
      stdio: 'ignore',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    } as const;
    const installed =
      spawnSync('apt-get', ['install', '-y', 'wrk'], quiet).status === 0 ||
      (spawnSync('apt-get', ['update'], quiet).status === 0 &&
        spawnSync('apt-get', ['install', '-y', 'wrk'], quiet).status === 0);
    if (!installed || !hasWrk()) {
      throw new Error(
        'wrk is not installed and `apt-get install -y wrk` failed; install it by hand',
      );
    }
  }
  const version = spawnSync('wrk', ['--version'], { encoding: 'utf8' });
  // `wrk debian/4.1.0-3+b2 [epoll] Copyright …` → `wrk debian/4.1.0-3+b2 [epoll]`
  const line = (version.stdout || version.stderr).split('\n')[0] ?? 'wrk';
  return line.replace(/\s*Copyright.*$/, '').trim();
}

function hasWrk(): boolean {
  return spawnSync('bash', ['-c', 'command -v wrk'], { stdio: 'ignore' }).status === 0;
}
