import { readFile } from 'node:fs/promises';

/**
 * Reads the `server:` list of a conformance expected-failures file. Only the subset of YAML these
 * files use is accepted (top-level keys, `- name` items, `#` comments); anything else is an error,
 * so a typo cannot silently empty the list.
 *
 * @param file - The YAML file.
 * @returns The scenario names listed under `server:`.
 * @throws {@link Error} naming the line that is not in that subset.
 */
export async function readExpectedFailures(file: string): Promise<Set<string>> {
  const scenarios = new Set<string>();
  let section: string | undefined;
  const lines = (await readFile(file, 'utf8')).split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.replace(/#.*$/, '').trimEnd();
    if (line.trim() === '') continue;
    const key = /^([A-Za-z]+):$/.exec(line)?.[1];
    const item = /^\s+-\s+([\w./-]+)$/.exec(line)?.[1];
    if (key !== undefined) section = key;
    else if (item !== undefined && section !== undefined) {
      if (section === 'server') scenarios.add(item);
    } else {
      throw new Error(
        `${file}:${index + 1}: expected "server:" or "  - <scenario>", got ${JSON.stringify(raw)}`,
      );
    }
  }
  return scenarios;
}
