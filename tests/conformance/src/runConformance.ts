// Runs the official MCP conformance suites against the server-kit fixture server, one leg per MCP
// revision, and prints a table per leg:
// - 2025-11-25: the pinned 0.1.13 CLI, stateful and stateless, each directly and through the gateway;
// - 2026-07-28: the 0.2.0-alpha.12 CLI on Node 22, `--requirements 2026-07-28`, directly and
//   through the gateway (MODERN_GATEWAY_RUN_ENABLED); then the revision's client scenarios, one at
//   a time, with the gateway's upstream side as the client under test.
// Usage: node dist/runConformance.js [--verbose] [--suite active|all|pending]
//        [--revision 2025-11-25|2026-07-28]
// `--suite` applies to the 2025-11-25 leg; `--revision` runs one leg only. Exits 1 on any
// unexpected result, including a scenario whose verdict through the gateway differs from direct.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { assertLocalhostIsIpv4Loopback } from './assertLocalhostIsIpv4Loopback.js';
import { runClientLeg } from './runClientLeg.js';
import { runLegacyLeg } from './runLegacyLeg.js';
import { MODERN_REVISION, runModernLeg } from './runModernLeg.js';

const LEGACY_REVISION = '2025-11-25';
const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

const { values: flags } = parseArgs({
  options: {
    verbose: { type: 'boolean', default: false },
    suite: { type: 'string' },
    revision: { type: 'string' },
  },
});
const verbose = flags.verbose ?? false;

async function main(): Promise<number> {
  const revisions =
    flags.revision === undefined ? [LEGACY_REVISION, MODERN_REVISION] : [flags.revision];
  for (const revision of revisions) {
    if (revision !== LEGACY_REVISION && revision !== MODERN_REVISION) {
      throw new Error(`--revision ${revision}: expected ${LEGACY_REVISION} or ${MODERN_REVISION}`);
    }
  }
  await assertLocalhostIsIpv4Loopback();
  const failed: string[] = [];
  for (const revision of revisions) {
    const ok =
      revision === LEGACY_REVISION
        ? await runLegacyLeg({ packageDir: PACKAGE_DIR, suite: flags.suite ?? 'active', verbose })
        : [
            await runModernLeg({ packageDir: PACKAGE_DIR, verbose }),
            await runClientLeg({ packageDir: PACKAGE_DIR, verbose }),
          ].every(Boolean);
    if (!ok) failed.push(revision);
  }
  if (revisions.length > 1) {
    process.stdout.write(
      failed.length === 0
        ? `\nconformance ok: every leg (${revisions.join(', ')}) as expected\n`
        : `\nconformance FAILED: unexpected results in the ${failed.join(' and ')} leg${failed.length > 1 ? 's' : ''}\n`,
    );
  }
  return failed.length === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
