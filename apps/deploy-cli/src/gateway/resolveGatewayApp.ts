import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

import {
  type AppLocation,
  resolveAppDirectory,
  toProjectPath,
} from '../configure/resolveAppDirectory.js';
import { CliError } from '../errors.js';

/** The package a gateway project depends on; its bin serves the gateway in the image. */
export const GATEWAY_SERVICE_PACKAGE = '@agentcore-mcp/gateway-service';

/** Where gateway-service lives in the agentcore-mcp repository itself. */
export const GATEWAY_SERVICE_APP = 'apps/gateway-service';

/** How to get a gateway project, or point at another image. */
const GATEWAY_FIX =
  'run agentcore-mcp init --template gateway to create a gateway project, or pass --dockerfile <path> for your gateway image';

/** What {@link resolveGatewayApp} is given. */
export interface GatewayAppOptions {
  /** `--app`: the gateway app directory. Default: detected (see {@link resolveGatewayApp}). */
  readonly app?: string | undefined;
  /** `--dockerfile`: the gateway image's Dockerfile. Default: the app's `Dockerfile`. */
  readonly dockerfile?: string | undefined;
}

/**
 * Finds the app and Dockerfile `gateway deploy` builds, from the project it runs in (the build
 * context). `--app`/`--dockerfile` say it outright. Otherwise: inside the agentcore-mcp repository
 * (`apps/gateway-service/package.json` is `@agentcore-mcp/gateway-service`) it is that app; in any
 * other project it is the project root, which must be a gateway project as
 * `agentcore-mcp init --template gateway` creates it: a `Dockerfile` and a `package.json` that
 * depends on `@agentcore-mcp/gateway-service`.
 *
 * @param cwd - The project root.
 * @param options - `--app` and `--dockerfile`.
 * @returns The app directory and Dockerfile, relative to the project root.
 * @throws {@link CliError} `ERR_INVALID_INPUT`, one line with the fix, when the Dockerfile is
 *   missing or the project root is not a gateway project.
 * @example
 * ```ts
 * resolveGatewayApp('/my-gateway', {}); // { entrypoint: '.', dockerfile: 'Dockerfile', … }
 * ```
 */
export function resolveGatewayApp(cwd: string, options: GatewayAppOptions): AppLocation {
  if (options.app !== undefined) {
    return resolveAppDirectory(cwd, {
      entrypoint: options.app,
      dockerfile: options.dockerfile,
      flag: '--app',
      missingDockerfileFix: GATEWAY_FIX,
    });
  }
  if (readPackageName(join(cwd, GATEWAY_SERVICE_APP)) === GATEWAY_SERVICE_PACKAGE) {
    return resolveAppDirectory(cwd, {
      entrypoint: GATEWAY_SERVICE_APP,
      dockerfile: options.dockerfile,
      flag: '--app',
      missingDockerfileFix: GATEWAY_FIX,
    });
  }
  if (options.dockerfile !== undefined) {
    const dockerfile = resolve(cwd, options.dockerfile);
    if (!isFile(dockerfile)) {
      throw new CliError(
        'ERR_INVALID_INPUT',
        `--dockerfile ${options.dockerfile}: no such file in ${cwd}; pass the path of the gateway image's Dockerfile`,
      );
    }
    return {
      entrypoint: '.',
      dockerfile: toProjectPath(cwd, dockerfile, `--dockerfile ${options.dockerfile}`),
      directory: cwd,
    };
  }
  if (!isFile(join(cwd, 'Dockerfile'))) {
    throw new CliError(
      'ERR_INVALID_INPUT',
      `No Dockerfile for the gateway image in ${cwd}: ${GATEWAY_FIX}`,
    );
  }
  if (!dependsOnGatewayService(cwd)) {
    throw new CliError(
      'ERR_INVALID_INPUT',
      `${cwd} is not a gateway project (its package.json does not depend on ${GATEWAY_SERVICE_PACKAGE}), so its Dockerfile may not build a gateway: ${GATEWAY_FIX}`,
    );
  }
  return resolveAppDirectory(cwd, { entrypoint: '.', flag: '--app' });
}

function readManifest(directory: string): Record<string, unknown> | undefined {
  try {
    const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as unknown;
    return typeof manifest === 'object' && manifest !== null
      ? (manifest as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function readPackageName(directory: string): unknown {
  return readManifest(directory)?.name;
}

function dependsOnGatewayService(directory: string): boolean {
  const manifest = readManifest(directory);
  return ['dependencies', 'devDependencies'].some((field) => {
    const dependencies = manifest?.[field];
    return typeof dependencies === 'object' && dependencies !== null
      ? GATEWAY_SERVICE_PACKAGE in dependencies
      : false;
  });
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
