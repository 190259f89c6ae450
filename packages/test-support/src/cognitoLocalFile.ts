import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The absolute path of a file inside the installed `cognito-local` package.
 *
 * @param path - A path relative to the package root, e.g. `lib/bin/start.js`.
 * @returns The absolute path.
 */
export function cognitoLocalFile(path: string): string {
  return join(dirname(require.resolve('cognito-local/package.json')), path);
}
