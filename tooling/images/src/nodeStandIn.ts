import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

import type { Buildah } from './buildah.js';
import { exec } from './exec.js';
import { type Platform, PLATFORMS } from './platforms.js';

/** The base image every Dockerfile of ours starts from; the stand-in takes this name locally. */
export const NODE_IMAGE = 'public.ecr.aws/docker/library/node:24-slim';

/** The Debian release of `node:24-slim`. */
const DEBIAN_RELEASE = 'bookworm';
/** npm and corepack as the official image carries them, beside Node 24 itself. */
const NODE_PACKAGES = (nodeArch: string) => [
  `node-linux-${nodeArch}@24`,
  'npm@11',
  'corepack@0.34',
];
const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
/**
 * This machine reaches the npm registry through a TLS-inspecting proxy, whose CA is in the host's
 * bundle: the stand-in carries that bundle so that npm and pnpm work in RUN steps.
 */
const CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

/** Options of {@link ensureNodeStandIn}. */
export interface NodeStandInOptions {
  readonly platform: Platform;
  /** A scratch directory for the root filesystem and the npm tarballs. */
  readonly workDir: string;
  /** Where the build's commands and output go. */
  readonly logFile: string;
  /** Build it even if the store has it. Default: `false`. */
  readonly rebuild?: boolean;
}

/** What {@link ensureNodeStandIn} did. */
export interface NodeStandInResult {
  /** Its own tag, e.g. `localhost/agentcore-mcp-images/node-standin:24-arm64`. */
  readonly tag: string;
  /** Build time in ms, or `undefined` when the store had it already. */
  readonly builtMs: number | undefined;
}

/**
 * Makes sure the store holds a stand-in for `node:24-slim` for `platform`, building it once
 * (shared/research/images.md §2, §4): Debian bookworm minbase from debootstrap, the Node 24 binary
 * from the npm `node-linux-<arch>@24` package (the one `node@24` installs), npm 11 and corepack
 * 0.34 as in the official image, a `node` user with uid 1000. Two settings are for this machine
 * only and stay in the stand-in, never in a Dockerfile: the host's CA bundle
 * (`NODE_EXTRA_CA_CERTS`) and `COREPACK_INTEGRITY_KEYS=0` (the reachable registry serves pnpm
 * without npm's signatures).
 *
 * @param buildah - The store.
 * @param options - Platform, scratch directory, log file.
 * @returns Its tag and whether it was built now.
 * @throws {@link ExecError} when a step fails.
 */
export async function ensureNodeStandIn(
  buildah: Buildah,
  options: NodeStandInOptions,
): Promise<NodeStandInResult> {
  const { arch, nodeArch } = PLATFORMS[options.platform];
  const tag = `localhost/agentcore-mcp-images/node-standin:24-${arch}`;
  if (options.rebuild !== true && (await buildah.hasImage(tag))) return { tag, builtMs: undefined };

  const startedAt = performance.now();
  const log = { logFile: options.logFile };
  const rootfs = join(options.workDir, `rootfs-${arch}`);
  const downloads = join(options.workDir, `downloads-${arch}`);
  await removeTree(rootfs);
  rmSync(downloads, { recursive: true, force: true });
  mkdirSync(downloads, { recursive: true });
  try {
    await exec(
      'debootstrap',
      [`--arch=${arch}`, '--variant=minbase', '--include=ca-certificates', DEBIAN_RELEASE, rootfs],
      { ...log, timeoutMs: 20 * 60_000 },
    );
    const packed = await exec(
      'npm',
      ['pack', '--json', '--pack-destination', downloads, ...NODE_PACKAGES(nodeArch)],
      { ...log, cwd: downloads, timeoutMs: 10 * 60_000 },
    );
    const [node, npm, corepack] = (JSON.parse(packed.stdout) as { filename: string }[]).map(
      ({ filename }) => join(downloads, filename),
    ) as [string, string, string];
    const unpack = async (tarball: string, into: string) => {
      mkdirSync(into, { recursive: true });
      await exec('tar', ['xzf', tarball, '-C', into, '--strip-components=1'], log);
    };
    await unpack(node, join(downloads, 'node'));
    copyFileSync(join(downloads, 'node', 'bin', 'node'), join(rootfs, 'usr/local/bin/node'));
    chmodSync(join(rootfs, 'usr/local/bin/node'), 0o755);
    const modules = join(rootfs, 'usr/local/lib/node_modules');
    await unpack(npm, join(modules, 'npm'));
    await unpack(corepack, join(modules, 'corepack'));
    symlinkSync('../lib/node_modules/npm/bin/npm-cli.js', join(rootfs, 'usr/local/bin/npm'));
    symlinkSync('../lib/node_modules/npm/bin/npx-cli.js', join(rootfs, 'usr/local/bin/npx'));
    symlinkSync(
      '../lib/node_modules/corepack/dist/corepack.js',
      join(rootfs, 'usr/local/bin/corepack'),
    );
    // Runs the target's useradd: under qemu for a foreign platform.
    await exec(
      'chroot',
      [rootfs, '/usr/sbin/useradd', '-m', '-u', '1000', '-s', '/bin/bash', 'node'],
      log,
    );
    copyFileSync(CA_BUNDLE, join(rootfs, CA_BUNDLE));

    const container = (await buildah.run(['from', '--arch', arch, 'scratch'], log)).stdout.trim();
    try {
      await buildah.run(['copy', '--quiet', container, rootfs, '/'], log);
      const nodeVersion = readVersion(join(downloads, 'node'));
      await buildah.run(
        [
          'config',
          '--arch',
          arch,
          '--os',
          'linux',
          '--env',
          `PATH=${PATH}`,
          '--env',
          `NODE_EXTRA_CA_CERTS=${CA_BUNDLE}`,
          '--env',
          'COREPACK_INTEGRITY_KEYS=0',
          '--label',
          `org.agentcore-mcp.stand-in-for=${NODE_IMAGE}`,
          '--label',
          `org.agentcore-mcp.node-version=${nodeVersion}`,
          '--cmd',
          'node',
          container,
        ],
        log,
      );
      await buildah.run(['commit', '--quiet', container, tag], log);
    } finally {
      await buildah.run(['rm', container], log).catch(() => undefined);
    }
  } finally {
    await removeTree(rootfs);
    rmSync(downloads, { recursive: true, force: true });
  }
  return { tag, builtMs: performance.now() - startedAt };
}

/**
 * Gives the stand-in for `platform` the name the Dockerfiles' `FROM` uses, so that
 * `buildah bud --pull=never` finds it. A name points at one image: call this before each
 * platform's builds.
 *
 * @param buildah - The store.
 * @param tag - The stand-in's own tag, from {@link ensureNodeStandIn}.
 */
export async function useNodeStandIn(buildah: Buildah, tag: string): Promise<void> {
  await buildah.run(['tag', tag, NODE_IMAGE]);
}

function readVersion(packageDir: string): string {
  return (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string })
    .version;
}

/**
 * Deletes a root filesystem left by an earlier run. debootstrap mounts /proc and /sys inside it
 * while it works (and may leave them mounted after a failure): detach whatever is mounted below it
 * first, so that deleting it cannot reach into the host's.
 */
async function removeTree(dir: string): Promise<void> {
  const mounts = readFileSync('/proc/self/mounts', 'utf8')
    .split('\n')
    .map((line) => line.split(' ')[1] ?? '')
    .filter((point) => point === dir || point.startsWith(`${dir}/`))
    .sort((a, b) => b.length - a.length);
  for (const point of mounts) await exec('umount', ['-l', point]);
  rmSync(dir, { recursive: true, force: true });
}
