import { readFile } from 'node:fs/promises';

/** Which scenarios of one leg a spec revision requires, from the conformance package's own file. */
export interface RequiredScenarios {
  /** The scenarios the revision requires (scored). */
  readonly scored: ReadonlySet<string>;
  /** Scenarios the CLI runs but never scores, with the reason it gives (`extension`, `pending`…). */
  readonly notScored: ReadonlyMap<string, string>;
}

/**
 * Reads one leg of a requirements file shipped with the 0.2 conformance CLI
 * (`requirements/<revision>.yaml`, the list `--requirements <revision>` runs and scores): the
 * `server:` (or `client:`) list, and the `not_scored:` entries of that leg with their reason. Only
 * that much of the file's YAML is read; other sections are skipped.
 *
 * @param file - The requirements file, e.g. `…/conformance/requirements/2026-07-28.yaml`.
 * @param leg - `server` (default) or `client`.
 * @returns The scored scenarios and the reasons of the unscored ones.
 * @throws {@link Error} when the file lists no scenario for the leg (a format the reader does not
 *   know).
 */
export async function readRequiredScenarios(
  file: string,
  leg: 'server' | 'client' = 'server',
): Promise<RequiredScenarios> {
  const scored = new Set<string>();
  const notScored = new Map<string, string>();
  let section: string | undefined;
  let entry: { scenario?: string; leg?: string; reason?: string } = {};
  const closeEntry = () => {
    if (entry.scenario !== undefined && entry.leg === leg) {
      notScored.set(entry.scenario, entry.reason ?? 'not scored');
    }
    entry = {};
  };
  for (const raw of (await readFile(file, 'utf8')).split('\n')) {
    const line = raw.replace(/\s#.*$|^#.*$/, '').trimEnd();
    const key = /^([A-Za-z_]+):$/.exec(line)?.[1];
    if (key !== undefined) {
      closeEntry();
      section = key;
    } else if (section === leg) {
      const item = /^\s+-\s+([\w./-]+)$/.exec(line)?.[1];
      if (item !== undefined) scored.add(item);
    } else if (section === 'not_scored') {
      const field = /^\s+(-\s+)?(scenario|leg|reason):\s*(\S+)$/.exec(line);
      if (field?.[1] !== undefined) closeEntry();
      if (field?.[2] === 'scenario' || field?.[2] === 'leg' || field?.[2] === 'reason') {
        entry[field[2]] = field[3];
      }
    }
  }
  closeEntry();
  if (scored.size === 0) throw new Error(`${file}: no "${leg}:" list of scenarios found`);
  return { scored, notScored };
}
