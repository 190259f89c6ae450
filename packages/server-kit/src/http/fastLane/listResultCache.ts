/**
 * The serialized `tools/list` results of one fast lane, per result object and era. A server hands
 * the lane the same result object while its tools are unchanged (server-kit's precompiled listing,
 * the gateway's catalog), so each is serialized once instead of on every request: a 1,000-tool
 * catalog is about 200 KB of JSON, whose `JSON.stringify` cost most of a warm `tools/list`
 * (bench §3, "warm tools/list, 1 connection"). It is kept as UTF-8 bytes: writing the same 200 KB
 * as a string built per request made node:http 5–10× slower than writing a Buffer (2026-12-06:
 * ~120 vs ~700–1,600 answers/s on one connection, a bare node:http server either way).
 *
 * @example
 * ```ts
 * const cache = new ListResultCache();
 * const bytes = cache.serialize(result, 'legacy', () => result);
 * ```
 */
export class ListResultCache {
  readonly #legacy = new WeakMap<object, Buffer>();
  readonly #modern = new WeakMap<object, Buffer>();

  /**
   * The JSON of `result` as answered in `era`, serialized on first use.
   *
   * @param result - The handler's result; the cache holds it weakly.
   * @param era - `modern` results are stamped (`resultType`, cache hint, `serverInfo`).
   * @param answer - The result as it goes on the wire in that era.
   * @returns The JSON, UTF-8 encoded.
   */
  serialize(result: object, era: 'legacy' | 'modern', answer: () => unknown): Buffer {
    const cache = era === 'modern' ? this.#modern : this.#legacy;
    let bytes = cache.get(result);
    if (bytes === undefined) {
      bytes = Buffer.from(JSON.stringify(answer()));
      cache.set(result, bytes);
    }
    return bytes;
  }
}
