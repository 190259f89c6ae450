import type {
  Client,
  DiscoverResult,
  PriorDiscovery,
  VersionNegotiationOptions,
} from '@modelcontextprotocol/client';

import type { TargetProtocol } from '../config/types.js';

/** The protocol era a connection to a target speaks: MCP 2025 (`legacy`) or 2026-07-28 (`modern`). */
export type UpstreamEra = 'legacy' | 'modern';

/** What `/status` says about a target's era. */
export interface TargetEraStatus {
  /** What the configuration asks for (`protocol`). */
  readonly configured: TargetProtocol;
  /** The verdict in use, or `null` before the first connection (and after a failure). */
  readonly era: UpstreamEra | null;
  /** The negotiated protocol version of the last connection, or `null`. */
  readonly version: string | null;
}

/**
 * The protocol era of one target, decided once and shared by every connection to it (the shared
 * session, and each stateful client's own): the first connection of an `auto` target probes with
 * `server/discover` (a pinned `2026-07-28` one requires it), and every later one is told the verdict
 * (`connect(transport, { prior })`, zero round trips, as the SDK's gateway guide recommends). After
 * a failure ({@link forget}) the next connection probes again, so a target that was upgraded or
 * replaced is spoken to in its new era. A `legacy` target is never probed.
 *
 * @example
 * ```ts
 * const era = new TargetEra('auto');
 * const client = new Client(info, { versionNegotiation: era.negotiation });
 * await client.connect(transport, { prior: era.prior });
 * era.record(client);
 * ```
 */
export class TargetEra {
  readonly #protocol: TargetProtocol;
  #verdict: PriorDiscovery | undefined;
  #version: string | undefined;

  /** @param protocol - The target's `protocol` setting. */
  constructor(protocol: TargetProtocol) {
    this.#protocol = protocol;
    this.#verdict = protocol === 'legacy' ? { kind: 'legacy' } : undefined;
  }

  /** What a new client is configured with when there is no verdict yet. */
  get negotiation(): VersionNegotiationOptions | undefined {
    switch (this.#protocol) {
      case 'legacy':
        return undefined;
      case 'auto':
        return { mode: 'auto' };
      case '2026-07-28':
        return { mode: { pin: '2026-07-28' } };
    }
  }

  /** The cached verdict for `connect(transport, { prior })`, or `undefined` to negotiate. */
  get prior(): PriorDiscovery | undefined {
    return this.#verdict;
  }

  /** The era of the cached verdict, if any. */
  get era(): UpstreamEra | undefined {
    return this.#verdict?.kind;
  }

  /** The target's last `server/discover` answer, when it speaks MCP 2026-07-28. */
  get discover(): DiscoverResult | undefined {
    return this.#verdict?.kind === 'modern' ? this.#verdict.discover : undefined;
  }

  /**
   * Keeps the verdict of a client that just connected (or re-probed with `server/discover`).
   *
   * @param client - A connected SDK client.
   */
  record(client: Client): void {
    const discover = client.getDiscoverResult();
    this.#verdict = discover === undefined ? { kind: 'legacy' } : { kind: 'modern', discover };
    this.#version = client.getNegotiatedProtocolVersion();
  }

  /**
   * Keeps a fresh `server/discover` answer of a target that speaks MCP 2026-07-28 (a health check).
   *
   * @param discover - The answer.
   */
  recordDiscover(discover: DiscoverResult): void {
    this.#verdict = { kind: 'modern', discover };
  }

  /** Drops the verdict after a failure: the next connection probes again (not for `legacy`). */
  forget(): void {
    if (this.#protocol !== 'legacy') this.#verdict = undefined;
  }

  /** What `/status` shows. */
  status(): TargetEraStatus {
    return {
      configured: this.#protocol,
      era: this.#verdict?.kind ?? null,
      version: this.#verdict === undefined ? null : (this.#version ?? null),
    };
  }
}
