import type { RequestHandler } from 'express';

/** What `GET /ping` reports: AgentCore's health states. */
export type PingStatus = 'Healthy' | 'HealthyBusy';

/** The AgentCore health document: `{"status":"Healthy","time_of_last_update":<unix seconds>}`. */
export interface PingResponse {
  status: PingStatus;
  time_of_last_update: number;
}

/**
 * Serves `GET /ping` the way AgentCore Runtime SDKs do. Without `status` the server has been
 * `Healthy` since it started, so `time_of_last_update` is the start time in unix seconds; with
 * it, each request asks for the status and `time_of_last_update` is when it last changed.
 *
 * @param startedAt - When the server started (ms since epoch).
 * @param status - The current status (e.g. `HealthyBusy` while background work runs); default
 *   always `Healthy`.
 * @returns An express handler.
 */
export function createPingHandler(startedAt: number, status?: () => PingStatus): RequestHandler {
  let last: PingResponse = { status: 'Healthy', time_of_last_update: Math.floor(startedAt / 1000) };
  return (_req, res) => {
    const now = status?.() ?? 'Healthy';
    if (now !== last.status) {
      last = { status: now, time_of_last_update: Math.floor(Date.now() / 1000) };
    }
    res.json(last);
  };
}
