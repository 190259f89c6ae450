import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The calling client's bearer token while the gateway forwards its request, for targets with
 * `forwardClientToken: true`. Set around the upstream call only; nothing else reads it.
 */
export const clientTokenContext = new AsyncLocalStorage<string | undefined>();
