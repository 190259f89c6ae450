/**
 * This process's environment without the `npm_*` variables a package manager sets for the script
 * it runs (`pnpm images` is one). npm reads `npm_config_*` as its configuration, so a child npm
 * would otherwise inherit e.g. `npm_config_local_prefix`, this package's directory, and work on
 * the wrong project.
 *
 * @param env - The environment to filter. Default: `process.env`.
 * @returns A copy without them.
 * @example
 * ```ts
 * await exec('npm', ['install'], { cwd: project, env: withoutNpmEnv() });
 * ```
 */
export function withoutNpmEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !/^npm_/i.test(name)));
}
