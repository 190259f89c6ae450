import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One check of a scenario, as the conformance CLI writes it to `checks.json`. */
export interface ConformanceCheck {
  id: string;
  name: string;
  description: string;
  status: 'SUCCESS' | 'FAILURE' | 'WARNING' | 'SKIPPED' | 'INFO';
  errorMessage?: string;
  /** Scenario-specific detail; some WARNING checks explain themselves only in `message`. */
  details?: { message?: unknown };
}

/** `server-<scenario>-<ISO timestamp with : and . replaced by ->` */
const RESULT_DIR = /^server-(.+)-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z$/;

/**
 * Reads the checks of every scenario from a conformance output directory
 * (`<dir>/server-<scenario>-<timestamp>/checks.json`).
 *
 * @param outputDir - The directory given to the CLI with `-o`.
 * @returns The checks by scenario name; a scenario that crashed before writing has no entry.
 */
export async function readScenarioChecks(
  outputDir: string,
): Promise<Map<string, ConformanceCheck[]>> {
  const checks = new Map<string, ConformanceCheck[]>();
  const entries = await readdir(outputDir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const scenario = RESULT_DIR.exec(entry.name)?.[1];
    if (!entry.isDirectory() || scenario === undefined) continue;
    const text = await readFile(join(outputDir, entry.name, 'checks.json'), 'utf8');
    checks.set(scenario, JSON.parse(text) as ConformanceCheck[]);
  }
  return checks;
}
