import { gunzipSync } from 'node:zlib';

const BLOCK = 512;

/**
 * Reads `package.json` out of an npm package tarball (`.tgz`), the manifest npm installs.
 *
 * A minimal tar reader over node's zlib rather than a library: the workspace has no tar package
 * (adding one means a new dependency for ~20 lines), and only regular files' names and sizes are
 * needed. Like npm, it ignores the tarball's top directory (`package/` when npm or pnpm packed it).
 *
 * @param tgz - The gzipped tarball.
 * @returns The parsed `package.json`.
 * @throws Error when the tarball holds no `<top>/package.json`, or it is not a JSON object.
 * @example
 * ```ts
 * readPackageManifest(readFileSync('agentcore-mcp-core-0.1.0.tgz')).version; // '0.1.0'
 * ```
 */
export function readPackageManifest(tgz: Uint8Array): Record<string, unknown> {
  const tar = gunzipSync(tgz);
  for (let offset = 0; offset + BLOCK <= tar.length;) {
    const header = tar.subarray(offset, offset + BLOCK);
    // Two zero blocks end the archive; one is enough to stop.
    if (header.every((byte) => byte === 0)) break;
    if (((header[124] ?? 0) & 0x80) !== 0) throw new Error('tar entry larger than 8 GiB');
    const size = Number.parseInt(text(header, 124, 12).trim() || '0', 8);
    const type = text(header, 156, 1);
    // POSIX ustar splits long paths into prefix (345) + name; old GNU tar uses those bytes otherwise.
    const ustar = text(header, 257, 6) === 'ustar';
    const prefix = ustar ? text(header, 345, 155) : '';
    const path = prefix === '' ? text(header, 0, 100) : `${prefix}/${text(header, 0, 100)}`;
    const body = offset + BLOCK;
    if ((type === '0' || type === '') && path.replace(/^[^/]*\//, '') === 'package.json') {
      const manifest: unknown = JSON.parse(tar.subarray(body, body + size).toString('utf8'));
      if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest))
        throw new Error(`${path} in the tarball is not a JSON object`);
      return manifest as Record<string, unknown>;
    }
    offset = body + Math.ceil(size / BLOCK) * BLOCK;
  }
  throw new Error(
    'the tarball holds no package.json at its top level (expected package/package.json)',
  );
}

/** A NUL-terminated header field. */
function text(header: Uint8Array, start: number, length: number): string {
  const field = header.subarray(start, start + length);
  const end = field.indexOf(0);
  return Buffer.from(end === -1 ? field : field.subarray(0, end)).toString('utf8');
}
