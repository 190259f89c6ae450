import { CliError } from '../errors.js';

/** The values of `register-managed --target-auth`. */
export const TARGET_AUTH_MODES = ['auto', 'iam', 'oauth'] as const;

/**
 * `--target-auth`: how the managed gateway authenticates to AgentCore Runtime targets. `auto`
 * follows each runtime's inbound auth (OAuth for a JWT runtime, IAM for a SigV4 one).
 */
export type TargetAuthMode = (typeof TARGET_AUTH_MODES)[number];

/**
 * How the managed gateway authenticates to one target: `none` (a public MCP server), `iam` (SigV4
 * with the gateway's execution role, `GATEWAY_IAM_ROLE`), `oauth` (client-credentials tokens from
 * an AgentCore Identity OAuth2 credential provider) or `api-key` (the key of an AgentCore Identity
 * API key credential provider, `--target-credential`).
 */
export type ManagedTargetAuth = 'none' | 'iam' | 'oauth' | 'api-key';

/** A runtime's inbound auth, as GetAgentRuntime reports it. */
export interface RuntimeAuthorizer {
  /** `jwt` with a `customJWTAuthorizer`, else `iam` (SigV4). */
  readonly kind: 'jwt' | 'iam';
  /** The JWT authorizer's discovery URL. */
  readonly discoveryUrl?: string | undefined;
  /** The JWT authorizer's `allowedClients` (empty when it has none). */
  readonly allowedClients?: readonly string[] | undefined;
  /** `true` in a dry run: nothing was asked, and `kind` is assumed. */
  readonly assumed: boolean;
}

/**
 * Picks the outbound auth of one runtime target: `auto` follows the runtime (JWT → `oauth`,
 * IAM → `iam`); an explicit mode must match it, since the runtime refuses any other (AgentCore
 * answers "Authorization method mismatch").
 *
 * @param mode - `--target-auth`.
 * @param authorizer - The runtime's inbound auth.
 * @param target - The target's config name and its runtime id, for the message.
 * @returns `iam` or `oauth`.
 * @throws {@link CliError} `ERR_INVALID_INPUT` naming the flag to use when the mode contradicts
 *   the runtime.
 * @example
 * ```ts
 * resolveTargetAuth('auto', { kind: 'jwt', assumed: false }, target); // 'oauth'
 * ```
 */
export function resolveTargetAuth(
  mode: TargetAuthMode,
  authorizer: RuntimeAuthorizer,
  target: { readonly configName: string; readonly runtimeId: string },
): 'iam' | 'oauth' {
  const fitting = authorizer.kind === 'jwt' ? 'oauth' : 'iam';
  if (mode === 'auto' || mode === fitting) return fitting;
  const runtimeAuth =
    authorizer.kind === 'jwt'
      ? 'JWT-authorized (customJWTAuthorizer), so it refuses SigV4'
      : 'IAM-authorized (SigV4, no customJWTAuthorizer), so it refuses bearer tokens';
  throw new CliError(
    'ERR_INVALID_INPUT',
    `Target ${target.configName} calls runtime ${target.runtimeId}, which is ${runtimeAuth}: use --target-auth ${fitting} (or auto) instead of --target-auth ${mode}`,
  );
}
