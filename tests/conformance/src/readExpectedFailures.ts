import { readFile } from 'node:fs/promises';

/**
 * Reads the `server:` (or `client:`) list of a conformance expected-failures file. Only the subset of YAML these
 * files use is accepted (top-level keys, `- name` items, `key: []` for an empty list, `#` comments);
 * anything else is an error,
 * so a typo cannot silently empty the list. An item is a scenario (`caching`: the whole scenario
 * fails) or, as the 0.2 CLI reads it, one check of a scenario (`server-stateless:<check-id>`).
 *
 * @param file - The YAML file.
 * @param leg - Which list: `server` (default) or `client`.
 * @returns The entries listed under `server:` (or `client:`), as written.
 * @throws {@link Error} naming the line that is not in that subset.
 */
export async function readExpectedFailures(
  file: string,
  leg: 'server' | 'client' = 'server',
): Promise<Set<string>> {
  const scenarios = new Set<string>();
  let section: string | undefined;
  const lines = (await readFile(file, 'utf8')).split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.replace(/#.*$/, '').trimEnd();
    if (line.trim() === '') continue;
    const key = /^([A-Za-z]+):(?: \[\])?$/.exec(line)?.[1];
    const item = /^\s+-\s+([\w./-]+(?::[\w.-]+)?)$/.exec(line)?.[1];
    if (key !== undefined) section = key;
    else if (item !== undefined && section !== undefined) {
      if (section === leg) scenarios.add(item);
    } else {
      throw new Error(
        `${file}:${index + 1}: expected "${leg}:" or "  - <scenario>[:<check-id>]", got ${JSON.stringify(raw)}`,
      );
    }
  }
  return scenarios;
}

/**
 * What the expected-failures entries say about one scenario.
 *
 * @param entries - The entries of {@link readExpectedFailures}.
 * @param scenario - The scenario's name.
 * @returns `true` when the whole scenario is listed; otherwise the ids of its listed checks (often
 * none).
 */
export function expectedFailuresOf(
  entries: ReadonlySet<string>,
  scenario: string,
): true | string[] {
  if (entries.has(scenario)) return true;
  return [...entries]
    .filter((entry) => entry.startsWith(`${scenario}:`))
    .map((entry) => entry.slice(scenario.length + 1));
}
