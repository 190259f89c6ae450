import { rmSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { readPackageLicense } from '../src/readPackageLicense.js';
import { writeTree } from './support/writeTree.js';

const root = writeTree({
  'mit/package.json': { name: 'mit', version: '1.0.0', license: 'MIT' },
  'mit/LICENSE': 'MIT License\n\nCopyright (c) someone\n',
  'mit/index.js': '',
  'mit/license-checker.js': '',
  'apache/package.json': { name: 'apache', version: '1.0.0', license: 'Apache-2.0' },
  'apache/NOTICE': 'Copyright Amazon.com, Inc.',
  'apache/LICENSE.txt': 'Apache License 2.0',
  'old-object/package.json': { name: 'old-object', version: '1.0.0', license: { type: 'ISC' } },
  'old-list/package.json': {
    name: 'old-list',
    version: '1.0.0',
    licenses: [{ type: 'MIT' }, { type: 'Apache-2.0' }],
  },
  'none/package.json': { name: 'none', version: '1.0.0' },
  'british/package.json': { name: 'british', version: '1.0.0', license: 'BSD-3-Clause' },
  'british/LICENCE.md': 'BSD',
  'british/COPYING': 'more',
  'british/LICENSE-MIT.txt': 'MIT too',
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('readPackageLicense', () => {
  it.each([
    ['mit', 'MIT', [['LICENSE', 'MIT License\n\nCopyright (c) someone\n']]],
    [
      'apache',
      'Apache-2.0',
      [
        ['LICENSE.txt', 'Apache License 2.0'],
        ['NOTICE', 'Copyright Amazon.com, Inc.'],
      ],
    ],
    ['old-object', 'ISC', []],
    ['old-list', 'MIT OR Apache-2.0', []],
    ['none', 'UNKNOWN', []],
    [
      'british',
      'BSD-3-Clause',
      [
        ['COPYING', 'more'],
        ['LICENCE.md', 'BSD'],
        ['LICENSE-MIT.txt', 'MIT too'],
      ],
    ],
  ])('%s → %s', (dir, license, files) => {
    expect(readPackageLicense(join(root, dir))).toEqual({
      license,
      files: files.map(([name, text]) => ({ name, text })),
    });
  });
});
