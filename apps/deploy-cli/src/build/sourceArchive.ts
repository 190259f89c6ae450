import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

import { type Zippable, zipSync } from 'fflate';

/**
 * Directory and file names never sent to the build: dependencies and build output (the image
 * installs and builds its own), VCS data, local state, and anything that may hold secrets.
 */
const EXCLUDED_NAMES = new Set([
  'node_modules',
  'dist',
  '.git',
  '.turbo',
  'out',
  'coverage',
  '.cognito',
  '.conformance-results',
  '.agentcore-mcp',
  'authorizer_config.json',
]);
const EXCLUDED_PATTERNS = [/^\.env/, /\.log$/, /\.tsbuildinfo$/];

/** The build context as a zip, and what went into it. */
export interface SourceArchive {
  readonly zip: Uint8Array;
  readonly fileCount: number;
  /** The files in it, relative to the root with `/` separators, sorted. */
  readonly files: readonly string[];
}

/**
 * Zips the project root (the Docker build context: the Dockerfiles prune the monorepo with turbo)
 * without node_modules, build output, .git, local credentials (`.agentcore-mcp/`, `.env*`) or logs.
 * File modes are kept so scripts stay executable.
 *
 * @param root - The project root.
 */
export function createSourceArchive(root: string): SourceArchive {
  const files: Zippable = {};
  let fileCount = 0;
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      if (
        EXCLUDED_NAMES.has(entry.name) ||
        EXCLUDED_PATTERNS.some((pattern) => pattern.test(entry.name))
      ) {
        continue;
      }
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        const key = relative(root, path).split(sep).join('/');
        const mode = statSync(path).mode & 0o777;
        files[key] = [readFileSync(path), { level: 6, os: 3, attrs: (mode | 0o100_000) << 16 }];
        fileCount += 1;
      }
    }
  };
  walk(root);
  return { zip: zipSync(files), fileCount, files: Object.keys(files).sort() };
}
