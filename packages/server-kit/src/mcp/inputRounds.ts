import { createHash } from 'node:crypto';

import { AgentCoreMcpError, JSON_RPC_CODES, JsonRpcError } from '@agentcore-mcp/core';
import {
  type InputRequest,
  inputRequired,
  type InputRequiredResult,
  type ServerContext,
} from '@modelcontextprotocol/server';

import type { RequestStateCodec } from './requestStateCodec.js';

/** What server-kit keeps in a signed `requestState` between rounds: the answers so far, by key. */
export interface RoundsState {
  /** A digest of the request the state belongs to (method, name or URI, arguments). */
  readonly request: string;
  readonly answers: Readonly<Record<string, unknown>>;
}

/** The request a round belongs to: a retry must repeat it exactly, only its answers change. */
export interface RoundRequest {
  readonly method: string;
  /** The tool or prompt name, or the resource URI. */
  readonly target: string;
  readonly arguments?: unknown;
}

/**
 * The multi round-trip requests (MCP 2026-07-28, SEP-2322) of one handler run. A handler asks
 * with {@link InputRounds.ask}; an answer already known (from this round's `inputResponses` or,
 * for earlier rounds, from the signed `requestState`) resolves at once; an unknown one is recorded
 * and rejects with {@link InputPending}, which ends the run. {@link runInRounds} then answers with
 * `input_required`, and the client's retry runs the handler again from the top.
 */
export interface InputRounds {
  /**
   * @param key - The key of the input request; the client answers under it.
   * @param request - The embedded request (`elicitation/create`, `sampling/createMessage`, `roots/list`).
   * @returns The client's answer, not yet validated.
   */
  ask(key: string | undefined, request: InputRequest): Promise<unknown>;
}

/** Thrown by {@link InputRounds.ask} while the client has not answered yet: ends this round. */
export class InputPending extends AgentCoreMcpError {
  declare readonly code: 'ERR_INPUT_PENDING';
  /** The key of the input request the client has not answered yet. */
  readonly key: string;

  /** @param key - The key of the unanswered input request. */
  constructor(key: string) {
    super(
      'ERR_INPUT_PENDING',
      `Waiting for the client's answer to input request "${key}": the round ends with input_required`,
    );
    this.key = key;
  }
}

/**
 * Runs a tool, prompt or resource handler for one round of a 2026-07-28 request. When the handler
 * asked for input the client has not given yet, the round ends with an `input_required` result
 * carrying every open request and a signed `requestState` with the answers so far, whatever the
 * handler did with the {@link InputPending} rejection (it may have caught it). Otherwise the
 * handler's own value or error is passed on.
 *
 * @param ctx - The SDK's request context (its `requestState` already verified by the codec).
 * @param round - `codec` signs the state for the next round; `request` is what this round
 * answers (a state minted for another request is refused).
 * @param run - The handler, given the rounds to ask through.
 * @throws {@link JsonRpcError} -32602 for a `requestState` minted for another request.
 */
export async function runInRounds<T>(
  ctx: ServerContext,
  { codec, request }: { codec: RequestStateCodec; request: RoundRequest },
  run: (rounds: InputRounds) => Promise<T>,
): Promise<T | InputRequiredResult> {
  // The digest is only needed when a state comes in or goes out: most calls never ask for input.
  let digest: string | undefined;
  const digestOnce = () => (digest ??= digestOf(request));
  const answers: Record<string, unknown> = { ...previousAnswers(ctx, digestOnce) };
  const responses = ctx.mcpReq.inputResponses ?? {};
  const pending = new Map<string, InputRequest>();
  let asked = 0;
  const rounds: InputRounds = {
    ask: (key = `input-${asked}`, request) => {
      asked += 1;
      if (Object.hasOwn(answers, key)) return Promise.resolve(answers[key]);
      if (Object.hasOwn(responses, key)) {
        answers[key] = responses[key];
        return Promise.resolve(responses[key]);
      }
      pending.set(key, request);
      return Promise.reject(new InputPending(key));
    },
  };

  let outcome: { value: T } | { error: unknown };
  try {
    outcome = { value: await run(rounds) };
  } catch (error) {
    outcome = { error };
  }
  if (pending.size > 0) {
    return inputRequired({
      inputRequests: Object.fromEntries(pending),
      requestState: await codec.mint({ request: digestOnce(), answers } satisfies RoundsState, ctx),
    });
  }
  if ('error' in outcome) throw outcome.error;
  return outcome.value;
}

function previousAnswers(
  ctx: ServerContext,
  digest: () => string,
): RoundsState['answers'] | undefined {
  const verified = ctx.mcpReq.requestState<RoundsState | string>();
  if (verified === undefined || typeof verified === 'string') return undefined;
  if (verified.request !== digest()) {
    throw new JsonRpcError(
      JSON_RPC_CODES.invalidParams,
      'Invalid requestState: it was issued for another request; retry with the same name and arguments as the request that returned it',
    );
  }
  return verified.answers;
}

function digestOf({ method, target, arguments: args }: RoundRequest): string {
  return createHash('sha256')
    .update(`${method}\0${target}\0${canonicalJson(args ?? {})}`)
    .digest('base64url');
}

/** JSON with object keys sorted, so the same arguments always give the same digest. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
