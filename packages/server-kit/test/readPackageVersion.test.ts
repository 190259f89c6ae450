import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { AgentCoreMcpError } from '@agentcore-mcp/core';
import { afterAll, describe, expect, it } from 'vitest';

import { readPackageVersion } from '../src/index.js';

describe('readPackageVersion', () => {
  const dir = mkdtempSync(join(tmpdir(), 'server-kit-version-'));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return pathToFileURL(join(dir, name));
  };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reads this package's version from a URL, and from a path", () => {
    expect(readPackageVersion(new URL('../package.json', import.meta.url))).toMatch(
      /^\d+\.\d+\.\d+/,
    );
    expect(readPackageVersion(file('a.json', '{"version":"1.2.3"}'))).toBe('1.2.3');
    expect(readPackageVersion(join(dir, 'a.json'))).toBe('1.2.3');
  });

  it.each([
    [
      'a missing file',
      () => pathToFileURL(join(dir, 'missing.json')),
      /^Cannot read the version from .*missing\.json: ENOENT/,
    ],
    [
      'broken JSON',
      () => file('broken.json', '{'),
      /^Cannot read the version from .*broken\.json: /,
    ],
    ['no version', () => file('none.json', '{"name":"x"}'), /none\.json has no "version": add one/],
  ])('fails with ERR_CONFIG_INVALID for %s', (_case, url, message) => {
    let thrown: unknown;
    try {
      readPackageVersion(url());
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AgentCoreMcpError);
    expect(thrown).toMatchObject({
      code: 'ERR_CONFIG_INVALID',
      message: expect.stringMatching(message) as unknown,
    });
  });
});
