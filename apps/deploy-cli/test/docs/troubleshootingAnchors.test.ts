import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const DOC = join(REPO, 'docs', 'troubleshooting.md');
const LINK = /troubleshooting\.md#([\w-]+)/g;

/** GitHub's heading ids: lower case, punctuation dropped, spaces to `-`, repeats get `-1`, `-2`… */
function slugify(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function headingIds(markdown: string): Set<string> {
  const ids = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? undefined : /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const base = slugify(heading);
    let id = base;
    for (let n = 1; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
  }
  return ids;
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every `troubleshooting.md#anchor` in the given files, with where it appears. */
function linkedAnchors(files: readonly string[]): Map<string, string[]> {
  const anchors = new Map<string, string[]>();
  for (const file of files) {
    for (const [, anchor = ''] of readFileSync(file, 'utf8').matchAll(LINK)) {
      anchors.set(anchor, [...(anchors.get(anchor) ?? []), file.slice(REPO.length)]);
    }
  }
  return anchors;
}

describe('docs/troubleshooting.md', () => {
  const doc = readFileSync(DOC, 'utf8');
  const ids = headingIds(doc);

  it.each([
    ['Access denied', 'access-denied'],
    ['Start with `doctor`', 'start-with-doctor'],
    ['Not acceptable (406)', 'not-acceptable-406'],
    ['Tool not found: -32602 & `target___tool`', 'tool-not-found--32602--target___tool'],
  ])('slugs %j as GitHub does: #%s', (heading, id) => {
    expect(slugify(heading)).toBe(id);
  });

  it('has a heading for every anchor an agentcore-mcp message points at', () => {
    const anchors = linkedAnchors(sourceFiles(SRC));
    // The sections the deployment errors have linked from the start must stay found.
    expect([...anchors.keys()]).toEqual(
      expect.arrayContaining([
        'access-denied',
        'image-build-failed',
        'runtime-failed',
        'runtime-stuck-creating',
      ]),
    );
    const missing = [...anchors].filter(([anchor]) => !ids.has(anchor));
    expect(missing, 'anchors with no heading, and the files that link them').toEqual([]);
  });

  it("lands the READMEs' links and its own table of contents on headings", () => {
    const readmes = [join(REPO, 'README.md'), join(REPO, 'apps', 'deploy-cli', 'README.md')];
    const fromReadmes = [...linkedAnchors(readmes).keys()];
    const fromToc = [...doc.matchAll(/\]\(#([\w-]+)\)/g)].map(([, anchor = '']) => anchor);
    expect(fromToc.length).toBeGreaterThan(0);
    expect([...fromReadmes, ...fromToc].filter((anchor) => !ids.has(anchor))).toEqual([]);
  });
});
