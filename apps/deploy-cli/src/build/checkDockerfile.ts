import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

import { CliError } from '../errors.js';

/** The stage `--observability` builds (`docker build --target observability`). */
export const OBSERVABILITY_STAGE = 'observability';

/** What {@link assertDockerfile} checks, and the fixes its messages offer. */
export interface DockerfileCheck {
  /** The Dockerfile, relative to the project root (as `.agentcore-mcp.yaml` stores it). */
  readonly dockerfile: string;
  /** Whether the image is built from the {@link OBSERVABILITY_STAGE} stage. */
  readonly observability: boolean;
  /**
   * How to fix a missing Dockerfile, e.g. `run agentcore-mcp init, or pass --dockerfile <path>`.
   * Default: `restore it, or run agentcore-mcp configure again with --dockerfile <path>`.
   */
  readonly missingFix?: string | undefined;
  /**
   * How to build without the observability stage instead, e.g. `drop --observability`.
   * Default: `run agentcore-mcp configure again without --observability`.
   */
  readonly withoutObservability?: string | undefined;
}

/**
 * The stage names of a Dockerfile (`FROM <image> AS <name>`), lower-cased as BuildKit matches
 * them. Comment lines and `\` line continuations are handled; `--platform=…` flags are skipped.
 *
 * @param text - The Dockerfile's content.
 * @returns The stage names, in order.
 * @example
 * ```ts
 * readDockerfileStages('FROM node:24-slim AS runner\nFROM runner AS observability\n');
 * // ['runner', 'observability']
 * ```
 */
export function readDockerfileStages(text: string): string[] {
  const instructions = text
    .split(/\r?\n/)
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\[ \t]*\r?\n/g, ' ')
    .split('\n');
  const stages: string[] = [];
  for (const instruction of instructions) {
    const match = /^\s*FROM\s+(?:--\S+\s+)*\S+\s+AS\s+(\S+)\s*$/i.exec(instruction);
    if (match?.[1] !== undefined) stages.push(match[1].toLowerCase());
  }
  return stages;
}

/**
 * Checks, before anything is built or sent, that the Dockerfile exists and has every stage the
 * runtime's options build: {@link OBSERVABILITY_STAGE} for observability. `configure`, `launch`
 * (also with `--dry-run`) and `gateway deploy` run the same check.
 *
 * @param cwd - The project root (the build context).
 * @param check - The Dockerfile, the options, and the fixes to suggest.
 * @throws {@link CliError} `ERR_INVALID_INPUT`, one line saying what is missing and how to fix it.
 * @example
 * ```ts
 * assertDockerfile(context.cwd, { dockerfile: 'Dockerfile', observability: true });
 * ```
 */
export function assertDockerfile(cwd: string, check: DockerfileCheck): void {
  const path = resolve(cwd, check.dockerfile);
  let text: string;
  try {
    if (!statSync(path).isFile()) throw new Error('not a file');
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(
      'ERR_INVALID_INPUT',
      `The Dockerfile ${check.dockerfile} is missing from ${cwd}: ${check.missingFix ?? 'restore it, or run agentcore-mcp configure again with --dockerfile <path>'}`,
      { cause: error },
    );
  }
  if (!check.observability || readDockerfileStages(text).includes(OBSERVABILITY_STAGE)) return;
  throw new CliError(
    'ERR_INVALID_INPUT',
    `${check.dockerfile} has no stage named ${OBSERVABILITY_STAGE}, which observability builds (docker build --target ${OBSERVABILITY_STAGE}): add a stage "FROM <your runtime stage> AS ${OBSERVABILITY_STAGE}" that installs ADOT for Node (the Dockerfile agentcore-mcp init generates has one), or ${check.withoutObservability ?? 'run agentcore-mcp configure again without --observability'}`,
  );
}
