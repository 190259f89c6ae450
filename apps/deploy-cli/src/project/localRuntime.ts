import { resolve } from 'node:path';

import { formatRuntimeArn, resolveRegion } from '@agentcore-mcp/core';

import { deriveRuntimeName } from '../configure/deriveRuntimeName.js';
import type { RuntimeProject } from './projectConfig.js';
import { readProjectConfig, requireRuntime } from './projectConfigFile.js';

/** The account of local runtime ARNs: a placeholder, not anyone's account. */
export const LOCAL_PLACEHOLDER_ACCOUNT = '123456789012';

/** The 10-character suffix of a local runtime id (`<name>-local00000`). */
const LOCAL_RUNTIME_ID_SUFFIX = 'local00000';

/** The region of a local ARN when neither the project nor the environment names one. */
const FALLBACK_REGION = 'us-east-1';

/** The runtime `dev` and `local` serve on this machine, and where its ARN came from. */
export interface LocalRuntime {
  /** The runtime name, e.g. `weather_server`. */
  readonly name: string;
  /** The ARN the emulator serves it under. */
  readonly arn: string;
  /**
   * Where the ARN came from: `deployed` (the ARN `launch` recorded), `project` (name and region of
   * `.agentcore-mcp.yaml`, placeholder account) or `package.json` / `directory` (no project file:
   * the name derived from the app, region from the environment, placeholder account).
   */
  readonly source: 'deployed' | 'project' | 'package.json' | 'directory';
  /** The app directory (absolute): the runtime's `entrypoint`, else the project root. */
  readonly directory: string;
  /** The runtime's entry in `.agentcore-mcp.yaml`, when there is a project file. */
  readonly project?: RuntimeProject | undefined;
}

/**
 * Finds the runtime to serve locally and the ARN to serve it under:
 * - with `.agentcore-mcp.yaml`: its runtime (`name`, else the default), under the ARN `launch`
 *   recorded when it was deployed, else
 *   `arn:aws:bedrock-agentcore:<region>:123456789012:runtime/<name>-local00000`;
 * - without one: the runtime name derived from `package.json` (as `configure` derives it), the
 *   region from `AWS_REGION`/`AWS_DEFAULT_REGION` (else `us-east-1`), the same placeholder form.
 *
 * @param cwd - The project root.
 * @param options - `name` (`--name`) and the environment.
 * @returns The runtime.
 * @throws {@link CliError} `ERR_NOT_CONFIGURED` for a `name` the project lacks (or `name` without
 *   a project file); `ERR_CONFIG_INVALID` for a broken project file.
 * @example
 * ```ts
 * resolveLocalRuntime('/work/weather-server', { env: {} }).arn;
 * // 'arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/weather_server-local00000'
 * ```
 */
export function resolveLocalRuntime(
  cwd: string,
  options: { name?: string | undefined; env: NodeJS.ProcessEnv },
): LocalRuntime {
  if (readProjectConfig(cwd) !== undefined || options.name !== undefined) {
    const { runtime } = requireRuntime(cwd, options.name);
    const deployed = runtime.deployment?.runtimeArn;
    return {
      name: runtime.name,
      arn: deployed ?? localRuntimeArn(runtime.name, runtime.region),
      source: deployed ? 'deployed' : 'project',
      directory: resolve(cwd, runtime.entrypoint),
      project: runtime,
    };
  }
  const { name, source } = deriveRuntimeName(cwd);
  const region = resolveRegion(undefined, options.env) ?? FALLBACK_REGION;
  return { name, arn: localRuntimeArn(name, region), source, directory: cwd };
}

/**
 * A local runtime ARN with the placeholder account: what the emulator serves a runtime under
 * before it is deployed.
 *
 * @param name - The runtime name.
 * @param region - The region.
 * @returns E.g. `arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/weather_server-local00000`.
 * @example
 * ```ts
 * localRuntimeArn('weather_server', 'eu-west-1');
 * ```
 */
export function localRuntimeArn(name: string, region: string): string {
  return formatRuntimeArn({
    region,
    accountId: LOCAL_PLACEHOLDER_ACCOUNT,
    runtimeId: `${name}-${LOCAL_RUNTIME_ID_SUFFIX}`,
  });
}

/**
 * One line saying where a local runtime's ARN came from, for `dev` and `local` to print.
 *
 * @param runtime - The runtime.
 * @returns E.g. `name and region from .agentcore-mcp.yaml; account 123456789012 is a local placeholder`.
 * @example
 * ```ts
 * output.result(`  (${describeLocalArn(runtime)})`);
 * ```
 */
export function describeLocalArn(runtime: LocalRuntime): string {
  const placeholder = `account ${LOCAL_PLACEHOLDER_ACCOUNT} is a local placeholder, not yours`;
  switch (runtime.source) {
    case 'deployed':
      return 'the ARN launch recorded in .agentcore-mcp.yaml, served locally';
    case 'project':
      return `name and region from .agentcore-mcp.yaml; ${placeholder}`;
    case 'package.json':
    case 'directory':
      return `no .agentcore-mcp.yaml: name from ${runtime.source === 'package.json' ? 'package.json' : 'the directory'}, region from AWS_REGION (default us-east-1); ${placeholder}`;
  }
}
