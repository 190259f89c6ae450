import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project templates of `agentcore-mcp init`. */
export const TEMPLATE_NAMES = ['server', 'gateway'] as const;

/** One of {@link TEMPLATE_NAMES}. */
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/** The values put into a template's `{{…}}` placeholders. */
export interface TemplateValues {
  /** `{{name}}`: the npm package name, e.g. `@acme/weather-server`. */
  readonly name: string;
  /** `{{imageName}}`: the Docker image and OpenTelemetry service name, e.g. `weather-server`. */
  readonly imageName: string;
}

/** One file of a generated project. */
export interface TemplateFile {
  /** Its path in the project, with `/` separators, e.g. `src/server.ts` or `.gitignore`. */
  readonly path: string;
  /** Its content, placeholders filled in. */
  readonly content: string;
}

/**
 * Tells whether a string names a template.
 *
 * @param value - E.g. the `--template` flag.
 * @returns `true` for `server` and `gateway`.
 * @example
 * ```ts
 * if (!isTemplateName(options.template)) throw …;
 * ```
 */
export function isTemplateName(value: string): value is TemplateName {
  return (TEMPLATE_NAMES as readonly string[]).includes(value);
}

/**
 * Reads a template's files from `templates/<name>/` (shipped in the CLI's package, one level above
 * `src/` and `dist/`) and fills in the placeholders. A file name starting with `_` is written as a
 * dotfile (`_gitignore` → `.gitignore`): npm leaves `.gitignore` files out of published packages.
 * `package.json` is not among them: it is built with the versions this CLI ships with.
 *
 * @param template - The template.
 * @param values - The placeholder values.
 * @returns The files, sorted by path.
 * @example
 * ```ts
 * readTemplateFiles('server', { name: 'my-server', imageName: 'my-server' }).map((file) => file.path);
 * // ['.dockerignore', '.gitignore', 'Dockerfile', 'README.md', 'src/main.ts', …]
 * ```
 */
export function readTemplateFiles(template: TemplateName, values: TemplateValues): TemplateFile[] {
  const root = fileURLToPath(new URL(`../../templates/${template}/`, import.meta.url));
  return listFiles(root, '')
    .map((relative) => ({
      path: toProjectPath(relative),
      content: fill(readFileSync(join(root, relative), 'utf8'), values),
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

function listFiles(root: string, directory: string): string[] {
  return readdirSync(join(root, directory), { withFileTypes: true }).flatMap((entry) => {
    const relative = directory === '' ? entry.name : `${directory}/${entry.name}`;
    return entry.isDirectory() ? listFiles(root, relative) : [relative];
  });
}

function toProjectPath(relative: string): string {
  return relative
    .split('/')
    .map((part) => (part.startsWith('_') ? `.${part.slice(1)}` : part))
    .join('/');
}

function fill(text: string, values: TemplateValues): string {
  return text.replaceAll('{{name}}', values.name).replaceAll('{{imageName}}', values.imageName);
}
