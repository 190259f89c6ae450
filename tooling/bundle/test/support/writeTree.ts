import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Writes files (path → content, `/`-separated paths) under a new temporary directory.
 *
 * @param files - The files to write; objects are written as JSON.
 * @returns The directory.
 */
export function writeTree(files: Record<string, string | object>): string {
  const root = mkdtempSync(join(tmpdir(), 'agentcore-mcp-bundle-'));
  for (const [path, content] of Object.entries(files)) {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  }
  return root;
}
