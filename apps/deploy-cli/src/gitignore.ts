import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What {@link ensureGitignored} did: `added`, `present` (already ignored) or `no-gitignore`. */
export type EnsureGitignoredResult = 'added' | 'present' | 'no-gitignore';

/**
 * Appends `<entry>/` to the `.gitignore` of `dir` when that file exists and has no line for it yet.
 * It never creates a `.gitignore` and never rewrites existing lines.
 *
 * @param dir - The directory whose `.gitignore` to update.
 * @param entry - A directory name, e.g. `.agentcore-mcp`.
 * @returns What happened.
 * @example
 * ```ts
 * if (ensureGitignored('.', '.agentcore-mcp') === 'no-gitignore') output.result('Keep .agentcore-mcp/ out of git');
 * ```
 */
export function ensureGitignored(dir: string, entry: string): EnsureGitignoredResult {
  const path = join(dir, '.gitignore');
  if (!existsSync(path)) return 'no-gitignore';
  const text = readFileSync(path, 'utf8');
  const forms = new Set([entry, `${entry}/`, `/${entry}`, `/${entry}/`]);
  if (text.split(/\r?\n/).some((line) => forms.has(line.trim()))) return 'present';
  appendFileSync(path, `${text === '' || text.endsWith('\n') ? '' : '\n'}${entry}/\n`);
  return 'added';
}
