import type { RequestHandler } from 'express';

/** The AgentCore health document: `{"status":"Healthy","time_of_last_update":<unix seconds>}`. */
export interface PingResponse {
  status: 'Healthy' | 'HealthyBusy';
  time_of_last_update: number;
}

/**
 * Serves `GET /ping` the way AgentCore Runtime SDKs do. The status has been `Healthy` since the
 * server started, so `time_of_last_update` is the start time in unix seconds.
 *
 * @param startedAt - When the server started (ms since epoch).
 * @returns An express handler.
 */
export function createPingHandler(startedAt: number): RequestHandler {
  const body: PingResponse = {
    status: 'Healthy',
    time_of_last_update: Math.floor(startedAt / 1000),
  };
  return (_req, res) => {
    res.json(body);
  };
}
