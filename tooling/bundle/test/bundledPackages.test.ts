import { rmSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { listBundledPackages } from '../src/bundledPackages.js';
import { writeTree } from './support/writeTree.js';

const PNPM = 'node_modules/.pnpm';
const root = writeTree({
  [`${PNPM}/zod@4.2.1/node_modules/zod/package.json`]: { name: 'zod', version: '4.2.1' },
  [`${PNPM}/@scope+pkg@2.0.0/node_modules/@scope/pkg/package.json`]: {
    name: '@scope/pkg',
    version: '2.0.0',
  },
  'node_modules/outer/package.json': { name: 'outer', version: '1.0.0' },
  'node_modules/outer/node_modules/inner/package.json': { name: 'inner', version: '0.1.0' },
  'node_modules/broken/package.json': { name: 'broken' },
});
const app = join(root, 'apps', 'my-app');

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('listBundledPackages', () => {
  it('finds the package of each input under its last node_modules, once, sorted by name', () => {
    const inputs = [
      `../../${PNPM}/zod@4.2.1/node_modules/zod/v4/classic/schemas.js`,
      `../../${PNPM}/zod@4.2.1/node_modules/zod/v4/core/core.js`,
      `../../${PNPM}/@scope+pkg@2.0.0/node_modules/@scope/pkg/dist/index.mjs`,
      '../../node_modules/outer/index.js',
      '../../node_modules/outer/node_modules/inner/lib/inner.js',
      'src/main.ts',
      '../../packages/core/dist/index.js',
    ];
    expect(listBundledPackages(inputs, app)).toEqual([
      {
        name: '@scope/pkg',
        version: '2.0.0',
        dir: join(root, PNPM, '@scope+pkg@2.0.0/node_modules/@scope/pkg'),
      },
      {
        name: 'inner',
        version: '0.1.0',
        dir: join(root, 'node_modules/outer/node_modules/inner'),
      },
      { name: 'outer', version: '1.0.0', dir: join(root, 'node_modules/outer') },
      { name: 'zod', version: '4.2.1', dir: join(root, PNPM, 'zod@4.2.1/node_modules/zod') },
    ]);
  });

  it('lists nothing for an app without third-party code', () => {
    expect(listBundledPackages(['src/main.ts', 'src/server.ts'], app)).toEqual([]);
  });

  it.each([
    ['no version', '../../node_modules/broken/index.js', /has no name or version/],
    ['no package.json', '../../node_modules/missing/index.js', /Cannot read the package.json/],
  ])('throws for a package with %s', (_case, input, message) => {
    expect(() => listBundledPackages([input], app)).toThrow(message);
  });
});
