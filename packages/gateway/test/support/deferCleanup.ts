/** Things to close after each test; see {@link createCleanup}. */
export interface Cleanup {
  /** Registers something to close; it returns the value for chaining. */
  add<T extends { close(): Promise<unknown> } | { stop(): Promise<unknown> }>(resource: T): T;
  /** Closes everything registered, newest first, even when one fails; then rethrows. */
  run(): Promise<void>;
}

/**
 * A stack of servers, gateways and processes to close in `afterEach`, so a failing test never
 * leaves a child process or a listening port behind.
 *
 * @example
 * ```ts
 * const cleanup = createCleanup();
 * afterEach(() => cleanup.run());
 * const upstream = cleanup.add(await launchFixtureUpstream({ name: 'alpha' }));
 * ```
 */
export function createCleanup(): Cleanup {
  const closers: (() => Promise<unknown>)[] = [];
  return {
    add(resource) {
      closers.push(() => ('close' in resource ? resource.close() : resource.stop()));
      return resource;
    },
    async run() {
      const errors: unknown[] = [];
      for (const close of closers.splice(0).reverse()) {
        await close().catch((error: unknown) => errors.push(error));
      }
      if (errors.length > 0) throw new AggregateError(errors, 'cleanup failed');
    },
  };
}
