import { parseArgs } from 'node:util';

import { isPlatform, type Platform } from './platforms.js';

/** What `pnpm images` was asked to do. */
export interface ImagesArgs {
  /** The platform to build for. Default: this machine's. */
  readonly platform: Platform;
  /** The images to build, by name, in list order. Default: all of them. */
  readonly names: readonly string[];
  /** Keep the built images (and the layer cache) instead of removing them. Default: `false`. */
  readonly keep: boolean;
  /** Rebuild the Node 24 base stand-in even if it is cached. Default: `false`. */
  readonly rebuildBase: boolean;
  /** Print the build output as it comes, not only into the log files. Default: `false`. */
  readonly verbose: boolean;
  /** Print the usage and do nothing else. */
  readonly help: boolean;
}

/** A command line that cannot be run; the message says why. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The usage text. */
export const USAGE = `usage: pnpm images [--platform linux/amd64|linux/arm64] [--keep] [--rebuild-base] [--verbose] [image ...]

Builds each app's image, and those of the projects agentcore-mcp init generates (init-server,
init-gateway), with buildah (no Docker engine) on a local stand-in for node:24-slim and checks
that each one runs: non-root, Node 24, GET /ping and an MCP tools/call (or the CLI's --version).
Images: every one unless named. --platform defaults to this machine's; linux/arm64 on an x86
machine runs under qemu. --keep leaves the built images in the store.`;

/**
 * Reads `pnpm images`' command line.
 *
 * @param argv - The arguments after the script (pnpm may pass a leading `--`).
 * @param native - This machine's platform, the default; `undefined` if it is neither of ours.
 * @param known - The image names that exist, in list order.
 * @returns The parsed request.
 * @throws {@link UsageError} for an unknown option, platform or image name.
 */
export function parseImagesArgs(
  argv: readonly string[],
  native: Platform | undefined,
  known: readonly string[],
): ImagesArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv.filter((arg) => arg !== '--'),
      allowPositionals: true,
      options: {
        platform: { type: 'string' },
        keep: { type: 'boolean', default: false },
        'rebuild-base': { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message, { cause: error });
  }
  const { values, positionals } = parsed;
  const platform = values.platform ?? native;
  if (platform === undefined)
    throw new UsageError(`this machine is neither linux/amd64 nor linux/arm64: pass --platform`);
  if (!isPlatform(platform))
    throw new UsageError(`unknown platform "${platform}": use linux/amd64 or linux/arm64`);
  const unknown = positionals.filter((name) => !known.includes(name));
  if (unknown.length > 0)
    throw new UsageError(
      `unknown image ${unknown.map((name) => `"${name}"`).join(', ')}: choose from ${known.join(', ')}`,
    );
  return {
    platform,
    names: positionals.length === 0 ? known : known.filter((name) => positionals.includes(name)),
    keep: values.keep,
    rebuildBase: values['rebuild-base'],
    verbose: values.verbose,
    help: values.help,
  };
}
