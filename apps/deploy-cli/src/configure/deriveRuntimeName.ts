import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import { toRuntimeName } from '@agentcore-mcp/core';

/** A runtime name derived from the app, and where it came from. */
export interface DerivedRuntimeName {
  /** A valid runtime name, e.g. `example_server`. */
  readonly name: string;
  /** `package.json` when the app's package name was used, else `directory`. */
  readonly source: 'package.json' | 'directory';
}

/**
 * Derives a runtime name from an app: its `package.json` name without the npm scope
 * (`@agentcore-mcp/example-server` → `example_server`), else its directory name, made valid with
 * core's `toRuntimeName`.
 *
 * @param directory - The app directory (absolute).
 * @returns The name and its source.
 * @example
 * ```ts
 * deriveRuntimeName('/repo/apps/example-server'); // { name: 'example_server', source: 'package.json' }
 * ```
 */
export function deriveRuntimeName(directory: string): DerivedRuntimeName {
  const packageName = readPackageName(directory);
  if (packageName !== undefined) {
    return { name: toRuntimeName(packageName.replace(/^@[^/]+\//, '')), source: 'package.json' };
  }
  return { name: toRuntimeName(basename(directory)), source: 'directory' };
}

function readPackageName(directory: string): string | undefined {
  try {
    const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as unknown;
    const name = (manifest as { name?: unknown } | null)?.name;
    return typeof name === 'string' && name !== '' ? name : undefined;
  } catch {
    return undefined;
  }
}
