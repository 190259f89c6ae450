/**
 * The serialized `tools/list` results of one fast lane, per result object and era. A server hands
 * the lane the same result object while its tools are unchanged (server-kit's precompiled listing,
 * the gateway's catalog), so each is serialized once instead of on every request: a 1,000-tool
 * catalog is about 200 KB of JSON, whose `JSON.stringify` cost most of a warm `tools/list`
 * (bench §3, "warm tools/list, 1 connection").
 *
 * @example
 * ```ts
 * const cache = new ListResultCache();
 * const json = cache.serialize(result, 'legacy', () => result);
 * ```
 */
export class ListResultCache {
  readonly #legacy = new WeakMap<object, string>();
  readonly #modern = new WeakMap<object, string>();

  /**
   * The JSON of `result` as answered in `era`, serialized on first use.
   *
   * @param result - The handler's result; the cache holds it weakly.
   * @param era - `modern` results are stamped (`resultType`, cache hint, `serverInfo`).
   * @param answer - The result as it goes on the wire in that era.
   * @returns The JSON text.
   */
  serialize(result: object, era: 'legacy' | 'modern', answer: () => unknown): string {
    const cache = era === 'modern' ? this.#modern : this.#legacy;
    let json = cache.get(result);
    if (json === undefined) {
      json = JSON.stringify(answer());
      cache.set(result, json);
    }
    return json;
  }
}
