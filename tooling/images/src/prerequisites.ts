import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

import type { Platform } from './platforms.js';

/** What {@link findMissingPrerequisites} asks of the machine. */
export interface MachineProbe {
  /** Whether this process runs as root. */
  isRoot(): boolean;
  /** Whether `command` is on `PATH`. */
  hasCommand(command: string): boolean;
  /** The content of `/proc/sys/fs/binfmt_misc/<name>`, or `undefined` if it is not registered. */
  binfmt(name: string): string | undefined;
}

/** The real machine. */
export const machine: MachineProbe = {
  isRoot: () => process.getuid?.() === 0,
  hasCommand: (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0,
  binfmt: (name) => {
    try {
      return readFileSync(`/proc/sys/fs/binfmt_misc/${name}`, 'utf8');
    } catch {
      return undefined;
    }
  },
};

/**
 * What this machine lacks to build and run images for `platform`, each as one line that says what
 * to do. `pnpm images` changes nothing on the machine itself.
 *
 * @param platform - The platform to build for.
 * @param native - The machine's own platform (`undefined` if it is neither of ours).
 * @param probe - The machine. Default: this one.
 * @returns One line per missing prerequisite; empty when all is there.
 */
export function findMissingPrerequisites(
  platform: Platform,
  native: Platform | undefined,
  probe: MachineProbe = machine,
): string[] {
  const missing: string[] = [];
  if (!probe.isRoot())
    missing.push(
      'pnpm images must run as root: debootstrap and buildah (chroot isolation) need it',
    );
  if (!['buildah', 'debootstrap'].every((command) => probe.hasCommand(command)))
    missing.push('buildah or debootstrap is missing: apt-get install -y buildah debootstrap');
  if (platform === native) return missing;
  if (platform !== 'linux/arm64') {
    missing.push(
      `${platform} cannot be emulated on this machine: build it on a ${platform} machine`,
    );
    return missing;
  }
  if (!['qemu-aarch64-static', 'update-binfmts'].every((command) => probe.hasCommand(command))) {
    missing.push('arm64 emulation is missing: apt-get install -y qemu-user-static binfmt-support');
    return missing;
  }
  const entry = probe.binfmt('qemu-aarch64');
  if (entry?.startsWith('enabled') !== true || !/^flags:.*F/m.test(entry))
    missing.push(
      'arm64 emulation is not registered: mountpoint -q /proc/sys/fs/binfmt_misc || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc; update-binfmts --enable qemu-aarch64',
    );
  return missing;
}
