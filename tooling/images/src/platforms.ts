/** A platform `pnpm images` builds for, in `buildah bud --platform` form. */
export type Platform = 'linux/amd64' | 'linux/arm64';

/** The names one platform goes by. */
export interface PlatformNames {
  /** Debian's and the OCI image config's architecture name. */
  readonly arch: 'amd64' | 'arm64';
  /** Node's name for it: `process.arch`, and the suffix of the npm `node-linux-<arch>` packages. */
  readonly nodeArch: 'x64' | 'arm64';
}

/** Every platform `pnpm images` knows. */
export const PLATFORMS: Readonly<Record<Platform, PlatformNames>> = {
  'linux/amd64': { arch: 'amd64', nodeArch: 'x64' },
  'linux/arm64': { arch: 'arm64', nodeArch: 'arm64' },
};

/**
 * Whether `value` names a platform `pnpm images` can build for.
 *
 * @param value - e.g. `linux/arm64`.
 * @returns `true` for a {@link Platform}.
 */
export function isPlatform(value: string): value is Platform {
  return Object.hasOwn(PLATFORMS, value);
}

/**
 * The platform this machine runs natively, if it is one of {@link PLATFORMS}.
 *
 * @param nodeArch - Node's architecture name. Default: `process.arch`.
 * @returns e.g. `linux/amd64` on x64; `undefined` on another architecture.
 */
export function toNativePlatform(nodeArch: string = process.arch): Platform | undefined {
  return (Object.keys(PLATFORMS) as Platform[]).find(
    (platform) => PLATFORMS[platform].nodeArch === nodeArch,
  );
}
