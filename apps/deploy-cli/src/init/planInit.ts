import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

import { CliError } from '../errors.js';
import { findNpmNameProblem, toImageName, toNpmName } from './npmPackageName.js';
import { buildProjectManifest, formatProjectManifest } from './projectManifest.js';
import { readTemplateFiles, type TemplateFile, type TemplateName } from './templateFiles.js';
import type { ReadVersion } from './templateVersions.js';

/** What {@link planInit} needs. */
export interface PlanInitInput {
  /** Where relative paths start. */
  readonly cwd: string;
  /** The project directory (`[dir]`), relative to `cwd`. Default: `cwd`. */
  readonly dir?: string | undefined;
  /** The package name, already chosen (see {@link defaultProjectName}). */
  readonly name: string;
  readonly template: TemplateName;
  /** `--force`: overwrite the template's files that exist already. Default: skip them. */
  readonly force?: boolean | undefined;
  /** Reads our packages' versions for `package.json`. */
  readonly readVersion: ReadVersion;
}

/** One file init will write. */
export interface PlannedFile extends TemplateFile {
  /** Whether a file is there already (it is overwritten: `--force`). */
  readonly overwrite: boolean;
}

/** What `agentcore-mcp init` will do; nothing is written yet. */
export interface InitPlan {
  /** The project directory (absolute). */
  readonly directory: string;
  /** How it looked: `new` (absent), `empty` (nothing but `.git`), `existing` (it has files). */
  readonly state: 'new' | 'empty' | 'existing';
  readonly name: string;
  readonly template: TemplateName;
  /** The files to write, sorted by path. */
  readonly files: readonly PlannedFile[];
  /** The template's files that exist already and are left alone, sorted. */
  readonly skipped: readonly string[];
}

/** Entries that do not make a directory "non-empty": a fresh `git init`, Finder's metadata. */
const IGNORED_ENTRIES = new Set(['.git', '.DS_Store']);

/**
 * Works out everything `init` will write, checking every path before the first write, so a
 * refusal leaves nothing half-written. Into a new or empty directory it writes every file. Into a
 * directory with files (an existing repository) it adds only the files that do not exist yet and
 * skips the others (`--force` overwrites them), but it refuses when that would skip
 * `package.json`: the project would miss the template's dependencies and scripts.
 *
 * @param input - Directory, name, template, `--force` and the version reader.
 * @returns The plan.
 * @throws {@link CliError} `ERR_INVALID_INPUT` for a name npm would refuse, a path that is a file
 *   where a directory must be (or the reverse), and an existing `package.json` without `--force`.
 * @example
 * ```ts
 * const plan = planInit({ cwd, dir: 'my-server', name: 'my-server', template: 'server', readVersion: readShippedVersion });
 * ```
 */
export function planInit(input: PlanInitInput): InitPlan {
  const problem = findNpmNameProblem(input.name);
  if (problem !== undefined) {
    throw new CliError(
      'ERR_INVALID_INPUT',
      `Invalid package name "${input.name}": ${problem}, so npm would refuse it; pass --name ${toNpmName(input.name)} (lowercase letters, digits, "-", "." or "_"; @scope/name for a scope)`,
    );
  }
  const directory = resolve(input.cwd, input.dir ?? '.');
  const shown = relative(input.cwd, directory) || '.';
  const state = inspectDirectory(directory, shown);
  const templateFiles = [
    { path: 'package.json', content: projectManifestText(input) },
    ...readTemplateFiles(input.template, {
      name: input.name,
      imageName: toImageName(input.name),
    }),
  ].sort((a, b) => a.path.localeCompare(b.path));
  const files: PlannedFile[] = [];
  const skipped: string[] = [];
  for (const file of templateFiles) {
    const exists = checkTarget(directory, file.path);
    if (exists && !input.force) skipped.push(file.path);
    else files.push({ ...file, overwrite: exists });
  }
  if (skipped.includes('package.json')) {
    const others = skipped.filter((path) => path !== 'package.json');
    throw new CliError(
      'ERR_INVALID_INPUT',
      `${shown} already has a package.json: init only adds the files that do not exist yet, so this project would miss the template's dependencies and scripts; init into a new or empty directory (agentcore-mcp init <dir>), or pass --force to overwrite package.json${others.length > 0 ? ` and ${others.join(', ')}` : ''}`,
    );
  }
  return { directory, state, name: input.name, template: input.template, files, skipped };
}

/**
 * The package name init uses when `--name` is not given: the directory's name, made valid for npm.
 *
 * @param cwd - Where relative paths start.
 * @param dir - The `[dir]` argument. Default: `cwd`.
 * @returns E.g. `my-server` for `./My Server`.
 * @example
 * ```ts
 * defaultProjectName('/work', 'weather-server'); // 'weather-server'
 * ```
 */
export function defaultProjectName(cwd: string, dir: string | undefined): string {
  const directory = resolve(cwd, dir ?? '.');
  const base = directory.split(/[\\/]/).filter(Boolean).at(-1) ?? '';
  return findNpmNameProblem(base) === undefined ? base : toNpmName(base);
}

function projectManifestText(input: PlanInitInput): string {
  return formatProjectManifest(buildProjectManifest(input.template, input.name, input.readVersion));
}

/** Refuses a file where the project directory (or one of its parents) should be. */
function inspectDirectory(directory: string, shown: string): InitPlan['state'] {
  if (!existsSync(directory)) {
    let parent = dirname(directory);
    while (!existsSync(parent)) parent = dirname(parent);
    if (!statSync(parent).isDirectory()) throw notADirectory(shown, parent);
    return 'new';
  }
  if (!statSync(directory).isDirectory()) throw notADirectory(shown, directory);
  const entries = readdirSync(directory).filter((entry) => !IGNORED_ENTRIES.has(entry));
  return entries.length === 0 ? 'empty' : 'existing';
}

/**
 * Whether the file exists already; refuses a directory where the file goes and a file where one of
 * its directories goes.
 */
function checkTarget(directory: string, path: string): boolean {
  const parts = path.split('/');
  for (let depth = 1; depth < parts.length; depth++) {
    const parent = join(directory, ...parts.slice(0, depth));
    if (existsSync(parent) && !statSync(parent).isDirectory()) {
      throw new CliError(
        'ERR_INVALID_INPUT',
        `Cannot add ${path}: ${parent} is a file where the template has a directory; move it away or init into a new directory`,
      );
    }
  }
  const target = join(directory, ...parts);
  if (!existsSync(target)) return false;
  if (statSync(target).isDirectory()) {
    throw new CliError(
      'ERR_INVALID_INPUT',
      `Cannot add ${path}: ${target} is a directory where the template has a file; move it away or init into a new directory`,
    );
  }
  return true;
}

function notADirectory(shown: string, path: string): CliError {
  return new CliError(
    'ERR_INVALID_INPUT',
    `${shown} cannot be the project directory: ${path} is a file; pass a new or empty directory, e.g. agentcore-mcp init my-server`,
  );
}
