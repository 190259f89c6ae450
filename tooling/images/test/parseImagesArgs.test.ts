import { describe, expect, it } from 'vitest';

import { parseImagesArgs, UsageError } from '../src/parseImagesArgs.js';

const KNOWN = ['example-server', 'external-server', 'gateway-service', 'deploy-cli'];

describe('parseImagesArgs', () => {
  it('builds every image for this machine by default', () => {
    expect(parseImagesArgs([], 'linux/amd64', KNOWN)).toEqual({
      platform: 'linux/amd64',
      names: KNOWN,
      keep: false,
      rebuildBase: false,
      verbose: false,
      help: false,
    });
  });

  it.each([
    [['--platform', 'linux/arm64', 'example-server'], 'linux/arm64', ['example-server']],
    [['--platform=linux/arm64', 'example-server'], 'linux/arm64', ['example-server']],
    // pnpm may pass a `--` before the script's own arguments.
    [['--', '--platform', 'linux/arm64', 'example-server'], 'linux/arm64', ['example-server']],
    // Named images run in list order, each once.
    [
      ['deploy-cli', 'example-server', 'deploy-cli'],
      'linux/amd64',
      ['example-server', 'deploy-cli'],
    ],
  ])('%j → %s %j', (argv, platform, names) => {
    expect(parseImagesArgs(argv, 'linux/amd64', KNOWN)).toMatchObject({ platform, names });
  });

  it('reads the flags', () => {
    expect(
      parseImagesArgs(['--keep', '--rebuild-base', '--verbose', '-h'], 'linux/amd64', KNOWN),
    ).toMatchObject({ keep: true, rebuildBase: true, verbose: true, help: true });
  });

  it.each([
    [
      ['--platform', 'linux/s390x'],
      /unknown platform "linux\/s390x": use linux\/amd64 or linux\/arm64/,
    ],
    [['nope', 'other'], /unknown image "nope", "other": choose from example-server, /],
    [['--fast'], /Unknown option '--fast'/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseImagesArgs(argv, 'linux/amd64', KNOWN)).toThrow(UsageError);
    expect(() => parseImagesArgs(argv, 'linux/amd64', KNOWN)).toThrow(message);
  });

  it('needs --platform on a machine of another architecture', () => {
    expect(() => parseImagesArgs([], undefined, KNOWN)).toThrow(/pass --platform/);
    expect(parseImagesArgs(['--platform', 'linux/arm64'], undefined, KNOWN).platform).toBe(
      'linux/arm64',
    );
  });
});
