import type { TargetConfig } from '../../config/types.js';
import { describeFailure } from '../forwardErrors.js';
import type { UpstreamConnection } from '../upstreamConnection.js';
import type { TargetHealth } from './targetHealth.js';

/** What {@link pingTarget} works with. */
export interface PingedTarget {
  readonly config: TargetConfig;
  /** The target's shared session. */
  readonly connection: UpstreamConnection;
  readonly health: TargetHealth;
  /** Whether the target was listed at least once. */
  readonly isListed: () => boolean;
  /** Lists the target again. */
  readonly relist: () => Promise<void>;
  /** Called after a ping that needed no re-listing (the target is up and listed). */
  readonly onAlive: () => void;
}

/**
 * One health check of a target, when its health asks for one: the session's ping (`ping` on 2025,
 * `server/discover` on 2026-07-28), its verdict recorded; a target that was not connected or never
 * listed is listed again once it answers.
 *
 * @param target - See {@link PingedTarget}.
 * @example
 * ```ts
 * new TargetHealth({ ...options, ping: () => void pingTarget({ config, connection, health, isListed, relist, onAlive }) });
 * ```
 */
export async function pingTarget(target: PingedTarget): Promise<void> {
  const { connection, health } = target;
  const wasConnected = connection.isConnected;
  const started = performance.now();
  try {
    await connection.ping();
    health.recordSuccess(performance.now() - started);
  } catch (error) {
    health.recordFailure(describeFailure(target.config, 'ping', error));
    return;
  }
  if (!wasConnected || !target.isListed()) await target.relist();
  else target.onAlive();
}
