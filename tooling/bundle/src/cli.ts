// `agentcore-mcp-bundle [entry] [--out-dir <dir>]`, run from an app's directory (its `build`
// script): bundles the entry (default src/main.ts) into <dir>/main.js (default dist) and prints one
// line; esbuild prints its own errors and warnings. Exit 1 on failure, 2 for a bad command line.
import { relative } from 'node:path';
import { parseArgs } from 'node:util';

import { bundleApp } from './bundleApp.js';

const USAGE =
  'usage: agentcore-mcp-bundle [entry, default src/main.ts] [--out-dir <dir>, default dist]';

let args;
try {
  args = parseArgs({
    options: { 'out-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
} catch (error) {
  process.stderr.write(`error: ${(error as Error).message}\n${USAGE}\n`);
  process.exit(2);
}
if (args.values.help === true || args.positionals.length > 1) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(args.values.help === true ? 0 : 2);
}

try {
  const result = await bundleApp({ entry: args.positionals[0], outDir: args.values['out-dir'] });
  const show = (file: string) => relative(process.cwd(), file);
  const megabytes = (result.bytes / 1024 / 1024).toFixed(1);
  process.stdout.write(
    `${show(result.bundleFile)}: ${megabytes} MiB, ${result.packages.length} third-party packages (licences in ${show(result.licensesFile)})\n`,
  );
} catch (error) {
  process.stderr.write(`error: ${(error as Error).message}\n`);
  process.exit(1);
}
