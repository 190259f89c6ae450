import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** A module-resolution hook that fails the import of express or the MCP SDK. */
const FORBID_FRAMEWORKS = `data:text/javascript,${encodeURIComponent(`
export async function resolve(specifier, context, next) {
  if (specifier === 'express' || specifier.startsWith('@modelcontextprotocol/sdk')) {
    throw new Error('the entry loaded ' + specifier);
  }
  return next(specifier, context);
}`)}`;

describe('the framework-free subpath entries (built dist)', () => {
  it.each([
    ['@agentcore-mcp/server-kit/process', ['ServerProcessError', 'startServerProcess']],
    ['@agentcore-mcp/server-kit/metadata', ['buildProtectedResourceMetadata']],
  ])('%s loads neither express nor the MCP SDK', async (entry, names) => {
    const script = `
      import { register } from 'node:module';
      register(${JSON.stringify(FORBID_FRAMEWORKS)});
      const entry = await import(${JSON.stringify(entry)});
      console.log(JSON.stringify(Object.keys(entry)));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
      cwd: packageDir,
    });
    expect(JSON.parse(stdout)).toEqual(expect.arrayContaining(names));
  });

  it('the main entry does load express (the hook works)', async () => {
    const script = `
      import { register } from 'node:module';
      register(${JSON.stringify(FORBID_FRAMEWORKS)});
      await import('@agentcore-mcp/server-kit');`;
    await expect(
      run(process.execPath, ['--input-type=module', '-e', script], { cwd: packageDir }),
    ).rejects.toThrow(/the entry loaded (express|@modelcontextprotocol\/sdk)/);
  });
});
