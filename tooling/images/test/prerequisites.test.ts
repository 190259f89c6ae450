import { describe, expect, it } from 'vitest';

import { findMissingPrerequisites, type MachineProbe } from '../src/prerequisites.js';

const REGISTERED = 'enabled\ninterpreter /usr/libexec/qemu-binfmt/aarch64-binfmt-P\nflags: PF\n';

function probe(overrides: Partial<MachineProbe> & { commands?: string[] } = {}): MachineProbe {
  const commands = overrides.commands ?? [
    'buildah',
    'debootstrap',
    'qemu-aarch64-static',
    'update-binfmts',
  ];
  return {
    isRoot: () => true,
    hasCommand: (command) => commands.includes(command),
    binfmt: (name) => (name === 'qemu-aarch64' ? REGISTERED : undefined),
    ...overrides,
  };
}

describe('findMissingPrerequisites', () => {
  it('finds nothing missing on a machine that has it all', () => {
    expect(findMissingPrerequisites('linux/amd64', 'linux/amd64', probe())).toEqual([]);
    expect(findMissingPrerequisites('linux/arm64', 'linux/amd64', probe())).toEqual([]);
  });

  it('says which Debian packages to install, in one line each', () => {
    expect(
      findMissingPrerequisites('linux/arm64', 'linux/amd64', probe({ commands: ['buildah'] })),
    ).toEqual([
      'buildah or debootstrap is missing: apt-get install -y buildah debootstrap',
      'arm64 emulation is missing: apt-get install -y qemu-user-static binfmt-support',
    ]);
  });

  it('needs no emulation for the native platform', () => {
    const arm = probe({ commands: ['buildah', 'debootstrap'], binfmt: () => undefined });
    expect(findMissingPrerequisites('linux/arm64', 'linux/arm64', arm)).toEqual([]);
  });

  it.each([
    ['not registered', undefined],
    ['disabled', REGISTERED.replace('enabled', 'disabled')],
    // Without F (fix binary) the interpreter would have to exist inside the chroot.
    ['registered without the F flag', REGISTERED.replace('flags: PF', 'flags: P')],
  ])('asks to register qemu-aarch64 when it is %s', (_case, entry) => {
    const [line] = findMissingPrerequisites(
      'linux/arm64',
      'linux/amd64',
      probe({ binfmt: () => entry }),
    );
    expect(line).toMatch(/update-binfmts --enable qemu-aarch64$/);
  });

  it('asks for root', () => {
    expect(
      findMissingPrerequisites('linux/amd64', 'linux/amd64', probe({ isRoot: () => false })),
    ).toEqual(['pnpm images must run as root: debootstrap and buildah (chroot isolation) need it']);
  });

  it('cannot emulate amd64 on another machine', () => {
    expect(findMissingPrerequisites('linux/amd64', 'linux/arm64', probe())).toEqual([
      'linux/amd64 cannot be emulated on this machine: build it on a linux/amd64 machine',
    ]);
  });
});
