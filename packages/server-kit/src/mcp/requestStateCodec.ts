import { randomBytes } from 'node:crypto';

import { AgentCoreMcpError } from '@agentcore-mcp/core';
import { createRequestStateCodec, type ServerContext } from '@modelcontextprotocol/server';

import { PRINCIPAL_KEY } from '../auth/requireBearerToken.js';

/** The environment variable that holds the shared `requestState` signing secret. */
export const REQUEST_STATE_SECRET_ENV = 'MCP_REQUEST_STATE_SECRET';

/** The longest `requestState` accepted or produced, in characters (64 KiB). */
export const MAX_REQUEST_STATE_LENGTH = 64 * 1024;

const MIN_SECRET_BYTES = 32;
const TTL_SECONDS = 600;

/** Signs and verifies the `requestState` of multi round-trip requests (MCP 2026-07-28). */
export interface RequestStateCodec {
  /** Seals a payload for the client to echo back on its retry. */
  mint(payload: unknown, ctx: ServerContext): Promise<string>;
  /** Checks an echoed state (signature, expiry, binding, size) and returns its payload. */
  verify(state: string, ctx: ServerContext): Promise<unknown>;
  /** `true` when the key was generated for this process rather than configured. */
  readonly ephemeral: boolean;
}

/**
 * Creates the `requestState` codec: HMAC-SHA256 through the SDK's `createRequestStateCodec`,
 * valid for 10 minutes, bound to the method and the caller, so a state cannot be replayed by
 * another principal (`runInRounds` also binds it to the tool, prompt or resource and its
 * arguments).
 *
 * AgentCore may route a retry to another microVM, so every replica must share the key: pass
 * `secret` (or set `MCP_REQUEST_STATE_SECRET`), at least 32 bytes. Without one, a random
 * per-process key is used and {@link RequestStateCodec.ephemeral} is `true`.
 *
 * @param secret - The shared secret; default: env `MCP_REQUEST_STATE_SECRET`, else a random key.
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` for a secret shorter than 32 bytes.
 */
export function createServerRequestStateCodec(
  secret: string | undefined = nonEmpty(process.env[REQUEST_STATE_SECRET_ENV]),
): RequestStateCodec {
  if (secret !== undefined && Buffer.byteLength(secret) < MIN_SECRET_BYTES) {
    throw new AgentCoreMcpError(
      'ERR_CONFIG_INVALID',
      `The requestState secret (${REQUEST_STATE_SECRET_ENV} or requestStateSecret) is ${Buffer.byteLength(secret)} bytes; use at least ${MIN_SECRET_BYTES}, e.g. the output of \`openssl rand -base64 48\``,
    );
  }
  const codec = createRequestStateCodec({
    key: secret ?? randomBytes(MIN_SECRET_BYTES),
    ttlSeconds: TTL_SECONDS,
    bind: bindingOf,
  });
  return {
    ephemeral: secret === undefined,
    mint: async (payload, ctx) => {
      const state = await codec.mint(payload, ctx);
      if (state.length > MAX_REQUEST_STATE_LENGTH) {
        throw new AgentCoreMcpError(
          'ERR_INVALID_INPUT',
          `The answers collected so far need a requestState of ${state.length} characters; the limit is ${MAX_REQUEST_STATE_LENGTH}: ask for less input per request`,
        );
      }
      return state;
    },
    verify: async (state, ctx) => {
      // Refused before any decoding: the SDK answers every refusal as -32602 "Invalid or expired
      // requestState" and reports this reason to the server's onerror.
      if (state.length > MAX_REQUEST_STATE_LENGTH) {
        throw new Error(`oversized: ${state.length} characters`);
      }
      return codec.verify(state, ctx);
    },
  };
}

/** What a state is bound to here: the method and the caller (the request itself: see runInRounds). */
function bindingOf(ctx: ServerContext): string {
  const principal = ctx.http?.authInfo?.extra?.[PRINCIPAL_KEY] as { subject?: string } | undefined;
  return `${ctx.mcpReq.method}\0${principal?.subject ?? ''}`;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === '' ? undefined : value;
}
