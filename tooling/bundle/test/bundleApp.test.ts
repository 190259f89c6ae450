import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { bundleApp, type BundleAppResult } from '../src/bundleApp.js';
import { writeTree } from './support/writeTree.js';

const run = promisify(execFile);

// An app with a CommonJS dependency that requires Node built-ins, an ES module dependency, and an
// entry that reads its package.json next to src/ (as our apps read their version).
const root = writeTree({
  'app/package.json': { name: 'fixture-app', version: '1.2.3', type: 'module' },
  'app/src/main.ts': [
    '#!/usr/bin/env node',
    "import { readFileSync } from 'node:fs';",
    "import { greet } from 'cjs-dep';",
    "import { shout } from 'esm-dep';",
    "const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };",
    // esbuild keeps a comment inside an expression as it is; the strings it escapes itself.
    "const marks = process.argv.length > 99 ? '' : (",
    '  // an em dash — in a comment the bundle keeps',
    "  [`é${'→'}`, '😀'].join(' ')",
    ');',
    'console.log(shout(greet(`v${version}`)), marks);',
  ].join('\n'),
  'app/dist/stale.js': 'left over from an older build',
  'node_modules/cjs-dep/package.json': {
    name: 'cjs-dep',
    version: '0.1.0',
    license: 'MIT',
    main: 'index.js',
  },
  'node_modules/cjs-dep/index.js':
    "const { basename } = require('node:path');\nexports.greet = (what) => `hello ${what} from ${basename('/x/cjs')}`;\n",
  'node_modules/cjs-dep/LICENSE': 'MIT License, cjs-dep',
  'node_modules/esm-dep/package.json': {
    name: 'esm-dep',
    version: '2.0.0',
    license: 'ISC',
    type: 'module',
    exports: './index.js',
  },
  'node_modules/esm-dep/index.js':
    "export const shout = (text) => text.toUpperCase();\nexport { unused } from 'dropped-dep';\n",
  // Read by esbuild (esm-dep re-exports it) but dropped: nothing uses it and it has no side effects.
  'node_modules/dropped-dep/package.json': {
    name: 'dropped-dep',
    version: '3.0.0',
    type: 'module',
    sideEffects: false,
    exports: './index.js',
  },
  'node_modules/dropped-dep/index.js': 'export const unused = () => 42;\n',
});
const appDir = join(root, 'app');

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('bundleApp', () => {
  let result: BundleAppResult;

  beforeAll(async () => {
    result = await bundleApp({ appDir });
  });

  it('writes the bundle, its source map and the licences of what it holds, and nothing stale, to dist/', () => {
    expect(result.bundleFile).toBe(join(appDir, 'dist', 'main.js'));
    expect(readdirSync(join(appDir, 'dist')).sort()).toEqual([
      'THIRD-PARTY-LICENSES.txt',
      'main.js',
      'main.js.map',
    ]);
    expect(result.packages.map(({ name, version }) => `${name}@${version}`)).toEqual([
      'cjs-dep@0.1.0',
      'esm-dep@2.0.0',
    ]);
    expect(result.warnings).toBe(0);
  });

  it('produces a bundle that runs on its own, keeping the #! line for bins', async () => {
    rmSync(join(root, 'node_modules'), { recursive: true, force: true });
    const bundle = readFileSync(result.bundleFile, 'utf8');
    expect(bundle.split('\n')[0]).toBe('#!/usr/bin/env node');
    expect(bundle).toContain('//# sourceMappingURL=main.js.map');
    const { stdout } = await run(process.execPath, [result.bundleFile], { cwd: root });
    expect(stdout).toBe('HELLO V1.2.3 FROM CJS é→ 😀\n');
  });

  it('is ASCII only, so V8 keeps its source as a one-byte string', () => {
    const bytes = readFileSync(result.bundleFile);
    expect(bytes.every((byte) => byte < 0x80)).toBe(true);
    expect(bytes.toString('latin1')).toContain(
      '// an em dash \\u2014 in a comment the bundle keeps',
    );
  });

  it('ships the licence texts of the bundled packages', () => {
    const licenses = readFileSync(result.licensesFile, 'utf8');
    expect(licenses).toContain('Third-party software in main.js of fixture-app 1.2.3');
    expect(licenses).toContain('  cjs-dep 0.1.0 (MIT)\n  esm-dep 2.0.0 (ISC)\n');
    expect(licenses).toContain('LICENSE:\n\nMIT License, cjs-dep');
    expect(licenses).toContain('The package ships no licence file; its package.json declares ISC.');
  });

  it.each(['.', '..', '../elsewhere'])('refuses the output directory %s', async (outDir) => {
    await expect(bundleApp({ appDir, outDir })).rejects.toThrow(/must be a directory inside/);
  });
});
