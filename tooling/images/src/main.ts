// `pnpm images`: the process entry. Parses the command line, checks the machine, holds the lock,
// runs the builds and prints the summary; exit 0 when every image is ok, 1 otherwise, 2 for usage.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { ServerProcess } from '@agentcore-mcp/server-kit/process';

import { formatSummary } from './formatSummary.js';
import { IMAGES } from './imageList.js';
import { lockDir } from './lockDir.js';
import { parseImagesArgs, USAGE, UsageError } from './parseImagesArgs.js';
import { toNativePlatform } from './platforms.js';
import { findMissingPrerequisites } from './prerequisites.js';
import { runImages } from './runImages.js';

const print = (line: string) => process.stdout.write(`${line}\n`);
function fail(line: string, code: number): never {
  process.stderr.write(`error: ${line}\n`);
  process.exit(code);
}

const native = toNativePlatform();
let args;
try {
  args = parseImagesArgs(
    process.argv.slice(2),
    native,
    IMAGES.map(({ name }) => name),
  );
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  fail(`${error.message}\n\n${USAGE}`, 2);
}
if (args.help) {
  print(USAGE);
  process.exit(0);
}
const missing = findMissingPrerequisites(args.platform, native);
for (const line of missing) process.stderr.write(`error: ${line}\n`);
if (missing.length > 0) process.exit(1);

const workDir = process.env.AGENTCORE_MCP_IMAGES_DIR ?? '/var/tmp/agentcore-mcp-images';
mkdirSync(workDir, { recursive: true });
let release: () => void = () => undefined;
try {
  release = lockDir(workDir);
} catch (error) {
  fail((error as Error).message, 1);
}

// An interrupt (Ctrl-C, CI's `timeout`) reaches buildah through the process group, but the server
// under check runs in a group of its own: kill it too. The next run removes what is left.
let server: ServerProcess | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (server !== undefined) process.kill(-server.pid, 'SIGKILL');
    release();
    process.stderr.write(`pnpm images: ${signal}; the next run removes any container left\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

const startedAt = performance.now();
try {
  const rows = await runImages({
    args,
    images: IMAGES,
    repoRoot: fileURLToPath(new URL('../../../', import.meta.url)),
    workDir,
    print,
    onServer: (running) => (server = running),
  });
  print(`\n${formatSummary(rows, performance.now() - startedAt)}`);
  process.exitCode = rows.every(({ ok }) => ok) ? 0 : 1;
} finally {
  release();
}
