import { builtinModules } from 'node:module';

const MAX_LENGTH = 214;
const RESERVED = new Set(['node_modules', 'favicon.ico']);
const SCOPED = /^@([^/]*)\/([^/]*)$/;

/**
 * Says what npm would refuse about a name for a new package (the rules of npm's
 * `validate-npm-package-name`): empty, longer than 214 characters, uppercase, leading `.` or `_`,
 * spaces or other characters that are not URL-safe, `~'!()*`, a Node.js core module name, or a
 * reserved name. `@scope/name` is checked part by part.
 *
 * @param name - The proposed package name.
 * @returns What is wrong, or `undefined` when npm accepts it.
 * @example
 * ```ts
 * findNpmNameProblem('my-server'); // undefined
 * findNpmNameProblem('My Server'); // 'it has uppercase letters'
 * ```
 */
export function findNpmNameProblem(name: string): string | undefined {
  if (name === '') return 'it is empty';
  if (name.length > MAX_LENGTH) return `it is longer than ${MAX_LENGTH} characters`;
  if (name.trim() !== name) return 'it has leading or trailing spaces';
  if (name.toLowerCase() !== name) return 'it has uppercase letters';
  if (RESERVED.has(name)) return `"${name}" is reserved`;
  if (builtinModules.includes(name)) return `"${name}" is a Node.js core module`;
  const scoped = SCOPED.exec(name);
  const parts = scoped ? [scoped[1] ?? '', scoped[2] ?? ''] : [name];
  for (const part of parts) {
    if (part === '') return 'its scope or name is empty';
    if (/^[._]/.test(part)) return 'it starts with "." or "_"';
    if (/[~'!()*]/.test(part)) return `it has one of ~'!()*`;
    if (encodeURIComponent(part) !== part) {
      return 'it has characters that are not URL-safe (only a-z, 0-9, "-", "." and "_")';
    }
  }
  return undefined;
}

/**
 * Turns any string (a directory name) into a name npm accepts: lowercase, runs of other characters
 * as one `-`, no leading `.`, `_` or `-`, at most 214 characters.
 *
 * @param input - E.g. `My MCP Server`.
 * @returns E.g. `my-mcp-server`; `mcp-server` when nothing usable is left.
 * @example
 * ```ts
 * toNpmName('My MCP Server'); // 'my-mcp-server'
 * ```
 */
export function toNpmName(input: string): string {
  const name = input
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[._-]+/, '')
    .replace(/-+$/, '')
    .slice(0, MAX_LENGTH);
  return name === '' || findNpmNameProblem(name) !== undefined ? 'mcp-server' : name;
}

/**
 * A name for the Docker image and the OpenTelemetry service: the package name without its scope,
 * e.g. `@acme/weather-server` → `weather-server`.
 *
 * @param packageName - A valid npm package name.
 * @returns The unscoped name.
 * @example
 * ```ts
 * toImageName('@acme/weather-server'); // 'weather-server'
 * ```
 */
export function toImageName(packageName: string): string {
  return packageName.replace(/^@[^/]+\//, '');
}
