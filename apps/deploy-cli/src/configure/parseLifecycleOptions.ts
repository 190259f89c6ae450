import { CliError } from '../errors.js';

/** AgentCore's bounds and defaults for `lifecycleConfiguration`, in seconds. */
const MIN_SECONDS = 60;
const MAX_SECONDS = 28_800;
const DEFAULT_IDLE_TIMEOUT = 900;
const DEFAULT_MAX_LIFETIME = 28_800;

/** The session lifecycle as `.agentcore-mcp.yaml` stores it: only what was given. */
export interface LifecycleSettings {
  readonly idleRuntimeSessionTimeout?: number;
  readonly maxLifetime?: number;
}

/**
 * Parses `--idle-timeout` and `--max-lifetime` (seconds, 60–28800). The max lifetime must not be
 * shorter than the idle timeout, counting AgentCore's defaults (900 and 28800) for the one not
 * given.
 *
 * @param options - The raw flag values.
 * @returns The settings given, or `undefined` when neither flag was.
 * @throws {@link CliError} `ERR_INVALID_INPUT` for a non-integer, out-of-range or inconsistent
 *   value.
 * @example
 * ```ts
 * parseLifecycleOptions({ idleTimeout: '600' }); // { idleRuntimeSessionTimeout: 600 }
 * ```
 */
export function parseLifecycleOptions(options: {
  idleTimeout?: string | undefined;
  maxLifetime?: string | undefined;
}): LifecycleSettings | undefined {
  const idle = parseSeconds('--idle-timeout', options.idleTimeout);
  const max = parseSeconds('--max-lifetime', options.maxLifetime);
  if (idle === undefined && max === undefined) return undefined;
  const effectiveIdle = idle ?? DEFAULT_IDLE_TIMEOUT;
  const effectiveMax = max ?? DEFAULT_MAX_LIFETIME;
  if (effectiveMax < effectiveIdle) {
    throw new CliError(
      'ERR_INVALID_INPUT',
      `--max-lifetime ${effectiveMax} is shorter than the idle timeout (${effectiveIdle} s${idle === undefined ? ', the default' : ''}): pass a --max-lifetime of at least ${effectiveIdle} or a smaller --idle-timeout`,
    );
  }
  return {
    ...(idle === undefined ? {} : { idleRuntimeSessionTimeout: idle }),
    ...(max === undefined ? {} : { maxLifetime: max }),
  };
}

function parseSeconds(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isInteger(seconds) || seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
    throw new CliError(
      'ERR_INVALID_INPUT',
      `${flag} "${value}": expected whole seconds from ${MIN_SECONDS} to ${MAX_SECONDS}, e.g. ${flag} 900`,
    );
  }
  return seconds;
}
