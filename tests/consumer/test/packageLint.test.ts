// The packages as npm would publish them, linted the way the ecosystem does: publint (package.json
// against the files in the tarball) and arethetypeswrong (the types every import resolves to, for
// ESM-only packages). Zero problems of any level.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { describe, expect, inject, it } from 'vitest';

import { run } from './support/run.js';

const tarballs = Object.entries(inject('tarballs'));
// The attw bin, found through its package.json (its exports list no bin path).
const attwManifest = createRequire(import.meta.url).resolve('@arethetypeswrong/cli/package.json');
const attw = join(dirname(attwManifest), 'dist', 'index.js');

describe.each(tarballs)('%s', (_name, tarball) => {
  it('has no publint message (errors, warnings or suggestions)', async () => {
    const bytes = readFileSync(tarball);
    const { messages, pkg } = await publint({
      pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
      level: 'suggestion',
    });
    expect(messages.map((message) => formatMessage(message, pkg) ?? message.code)).toEqual([]);
  });

  it('resolves its types for ESM under every module resolution (attw --profile esm-only)', async () => {
    const result = await run(
      process.execPath,
      [attw, tarball, '--profile', 'esm-only', '--format', 'ascii'],
      {
        cwd: process.cwd(),
        allowFailure: true,
      },
    );
    expect(result.code, `${result.stdout}${result.stderr}`).toBe(0);
  });
});
