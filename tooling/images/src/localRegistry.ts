import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { readPackageManifest } from './readPackageManifest.js';

/** A running {@link startLocalRegistry}. */
export interface LocalRegistry {
  /** Its base URL, ending with `/`, e.g. `http://127.0.0.1:41234/`. */
  readonly url: string;
  /** The package names it serves, sorted. */
  readonly names: readonly string[];
  /** Stops listening and closes its connections. */
  close(): Promise<void>;
}

/** Options of {@link startLocalRegistry}. */
export interface LocalRegistryOptions {
  /** Told about every request as `GET /path 200`. Default: none. */
  readonly onRequest?: (line: string) => void;
}

/** The fields of a package's `package.json` that npm reads from a packument to install it. */
const MANIFEST_FIELDS = [
  'name',
  'version',
  'dependencies',
  'peerDependencies',
  'peerDependenciesMeta',
  'optionalDependencies',
  'bin',
  'engines',
] as const;

interface Entry {
  readonly name: string;
  readonly version: string;
  readonly manifest: Record<string, unknown>;
  readonly bytes: Buffer;
}

/**
 * Serves packed packages read-only, as an npm registry does, on 127.0.0.1 and a free port: the
 * packument at `GET /<name>` (`/@scope%2fname`, as npm asks for it, or `/@scope/name`) and each
 * tarball at `GET /<name>/-/<unscoped name>-<version>.tgz`. Anything else is a 404.
 *
 * Hand-written rather than verdaccio: that is a whole server (storage, users, uplinks) for what
 * here are two read-only GETs.
 *
 * @param tarballs - Paths of `.tgz` files as `npm pack`/`pnpm pack` write them.
 * @param options - A request log.
 * @returns The running registry; `close()` it.
 * @throws Error when a tarball has no `package.json` with a name and version.
 * @example
 * ```ts
 * const registry = await startLocalRegistry(['/tmp/agentcore-mcp-core-0.1.0.tgz']);
 * // npm install --@agentcore-mcp:registry=${registry.url}
 * await registry.close();
 * ```
 */
export async function startLocalRegistry(
  tarballs: readonly string[],
  options: LocalRegistryOptions = {},
): Promise<LocalRegistry> {
  const entries = tarballs.map(readEntry);
  const packuments = new Map<string, string>();
  const files = new Map<string, Buffer>();
  const server = createServer((request, response) => {
    const status = respond(request, response, { packuments, files });
    options.onRequest?.(`${request.method} ${request.url} ${status}`);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  for (const name of new Set(entries.map((entry) => entry.name))) {
    const versions = entries.filter((entry) => entry.name === name);
    for (const entry of versions) files.set(`/${name}/-/${tarballFile(entry)}`, entry.bytes);
    packuments.set(`/${name}`, JSON.stringify(toPackument(name, versions, url)));
  }
  return {
    url,
    names: [...new Set(entries.map((entry) => entry.name))].sort(),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function readEntry(path: string): Entry {
  const bytes = readFileSync(path);
  const manifest = readPackageManifest(bytes);
  const { name, version } = manifest;
  if (typeof name !== 'string' || typeof version !== 'string')
    throw new Error(`${path}: its package.json has no name and version`);
  return { name, version, manifest, bytes };
}

/** `core-0.1.0.tgz` for `@agentcore-mcp/core@0.1.0`, as the public registry names tarballs. */
function tarballFile({ name, version }: Entry): string {
  return `${name.replace(/^@[^/]+\//, '')}-${version}.tgz`;
}

function toPackument(name: string, versions: readonly Entry[], url: string): object {
  const latest = versions.at(-1)?.version;
  return {
    name,
    'dist-tags': { latest },
    versions: Object.fromEntries(
      versions.map((entry) => [
        entry.version,
        {
          ...Object.fromEntries(
            MANIFEST_FIELDS.filter((field) => entry.manifest[field] !== undefined).map((field) => [
              field,
              entry.manifest[field],
            ]),
          ),
          dist: {
            tarball: new URL(`${name}/-/${tarballFile(entry)}`, url).href,
            integrity: `sha512-${createHash('sha512').update(entry.bytes).digest('base64')}`,
            shasum: createHash('sha1').update(entry.bytes).digest('hex'),
          },
        },
      ]),
    ),
  };
}

/** Answers one request; returns the status sent. */
function respond(
  request: IncomingMessage,
  response: ServerResponse,
  served: { packuments: Map<string, string>; files: Map<string, Buffer> },
): number {
  let path: string | undefined;
  try {
    path = decodeURIComponent(new URL(request.url ?? '/', 'http://registry').pathname);
  } catch {
    path = undefined;
  }
  const packument = path === undefined ? undefined : served.packuments.get(path);
  const file = path === undefined ? undefined : served.files.get(path);
  const body = packument ?? file;
  if ((request.method !== 'GET' && request.method !== 'HEAD') || body === undefined) {
    response.writeHead(404, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ error: 'Not found' }));
    return 404;
  }
  response.writeHead(200, {
    'content-type': packument === undefined ? 'application/octet-stream' : 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  response.end(request.method === 'HEAD' ? undefined : body);
  return 200;
}
