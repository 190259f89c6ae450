import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { describe, expect, it } from 'vitest';

import {
  formatServiceHelp,
  readInfoRequest,
  readServicePackage,
  SERVICE_BIN,
} from '../src/serviceInfo.js';
import { PACKAGE_DIR, SERVICE_ENTRY } from './support/processes.js';

const manifest = JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  bin?: Record<string, string>;
};

/** Runs the built entry; `--help`/`--version` exit before any configuration is read or port bound. */
async function runEntry(args: string[]): Promise<{ stdout: string; stderr: string }> {
  const env = { ...process.env, GATEWAY_CONFIG: '', HOST: '127.0.0.1', PORT: '0' };
  return promisify(execFile)(process.execPath, [SERVICE_ENTRY, ...args], { env, timeout: 15_000 });
}

describe('readInfoRequest', () => {
  it.each<[string[], 'help' | 'version' | undefined]>([
    [['--help'], 'help'],
    [['-h'], 'help'],
    [['--version'], 'version'],
    [['-V'], 'version'],
    [['--version', '--help'], 'help'],
    [['--config', 'gateway.json', '--help'], 'help'],
    [['--help', '--no-such-option'], 'help'],
    [['--config', 'gateway.json'], undefined],
    [[], undefined],
    [['--conf', 'gateway.json'], undefined],
    [['--config', '--help'], undefined],
  ])('%j → %s', (argv, request) => {
    expect(readInfoRequest(argv)).toBe(request);
  });
});

describe('formatServiceHelp and readServicePackage', () => {
  it('reads the name, version and homepage of this package', () => {
    expect(readServicePackage()).toEqual({
      name: manifest.name,
      version: manifest.version,
      homepage: (manifest as { homepage?: string }).homepage,
    });
  });

  it('lists the flags, the environment variables and the listen-address rule', () => {
    const help = formatServiceHelp({
      name: '@scope/gateway',
      version: '9.9.9',
      homepage: 'https://x',
    });
    expect(help.split('\n')[0]).toBe(`${SERVICE_BIN} 9.9.9 (@scope/gateway)`);
    for (const flag of ['-c, --config <file>', '-h, --help', '-V, --version']) {
      expect(help).toContain(flag);
    }
    for (const variable of ['GATEWAY_CONFIG', 'HOST', 'PORT', 'LOG_LEVEL']) {
      expect(help).toMatch(new RegExp(`^  ${variable} +\\S`, 'm'));
    }
    expect(help).toContain(
      'default 127.0.0.1 without\n                  gateway.auth, 0.0.0.0 with it',
    );
    expect(help).toContain('gateway.auth.customJWTAuthorizer');
    expect(help).toContain('Documentation: https://x\n');
    expect(formatServiceHelp({ name: 'n', version: '1', homepage: undefined })).not.toContain(
      'Documentation',
    );
  });
});

describe(`the ${SERVICE_BIN} bin (built)`, () => {
  it('points at dist/main.js, which starts with a node shebang', () => {
    expect(manifest.bin).toEqual({ [SERVICE_BIN]: './dist/main.js' });
    expect(readFileSync(SERVICE_ENTRY, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  it('--help prints the help to stdout and exits 0', async () => {
    const { stdout, stderr } = await runEntry(['--help']);
    expect(stdout).toBe(formatServiceHelp(readServicePackage()));
    expect(stderr).toBe('');
  });

  it('--version prints the version and exits 0', async () => {
    const { stdout, stderr } = await runEntry(['--version']);
    expect(stdout).toBe(`${manifest.version}\n`);
    expect(stderr).toBe('');
  });
});
