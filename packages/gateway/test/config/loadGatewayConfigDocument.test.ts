import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadGatewayConfigDocument } from '../../src/index.js';
import { catchConfigError } from './catchConfigError.js';

describe('loadGatewayConfigDocument', () => {
  let directory: string;
  const write = (name: string, content: string): string => {
    const path = join(directory, name);
    writeFileSync(path, content);
    return path;
  };

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'gateway-document-'));
  });
  afterAll(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('reads a file as written: ${VAR}s kept, even when unset, and disabled targets kept', () => {
    const path = write(
      'document.json',
      JSON.stringify({
        mcpServers: {
          weather: { url: 'https://${HOST}/mcp', headers: { Authorization: 'Bearer ${TOKEN}' } },
          old: { command: 'node', args: ['old.js'], disabled: true },
        },
      }),
    );
    expect(loadGatewayConfigDocument(path)).toEqual({
      mcpServers: {
        weather: { url: 'https://${HOST}/mcp', headers: { Authorization: 'Bearer ${TOKEN}' } },
        old: { command: 'node', args: ['old.js'], disabled: true },
      },
    });
  });

  it('names the file when it cannot be read or is not JSON', () => {
    const missing = join(directory, 'missing.json');
    expect(catchConfigError(() => loadGatewayConfigDocument(missing)).message).toBe(
      `Invalid gateway config: ${missing}: cannot read the file (ENOENT); expected the path of a readable JSON file`,
    );
    const broken = write('broken.json', '{"mcpServers": {,}}');
    expect(catchConfigError(() => loadGatewayConfigDocument(broken)).message).toMatch(
      new RegExp(`^Invalid gateway config: ${broken}:1:\\d+: not valid JSON`),
    );
  });

  it('names the key of a shape error', () => {
    const path = write(
      'typo.json',
      '{"mcpServers": {"a": {"url": "https://x/mcp", "header": {}}}}',
    );
    expect(catchConfigError(() => loadGatewayConfigDocument(path)).message).toMatch(
      /^Invalid gateway config: mcpServers\.a\.header: unknown key \(did you mean "headers"\?\)/,
    );
  });
});
