import { describe, expect, it } from 'vitest';

import {
  RESTART_BACKOFF,
  TargetHealth,
  type TargetHealthOptions,
} from '../../../src/upstream/health/targetHealth.js';
import { FakeClock } from '../../support/fakeClock.js';

function healthAt(overrides: Partial<TargetHealthOptions> = {}) {
  const clock = new FakeClock();
  const events = { pings: 0, restarts: [] as number[], changes: [] as boolean[], records: 0 };
  const health = new TargetHealth({
    failureThreshold: 3,
    cooldownMs: 1000,
    intervalMs: 100,
    clock,
    random: () => 1,
    ping: () => (events.pings += 1),
    restart: (attempt) => events.restarts.push(attempt),
    onChange: (healthy) => events.changes.push(healthy),
    onRecord: () => (events.records += 1),
    ...overrides,
  });
  return { health, clock, events };
}

const failTimes = (health: TargetHealth, times: number) => {
  for (let index = 0; index < times; index += 1) health.recordFailure(`failure ${index + 1}`);
};

describe('TargetHealth: circuit', () => {
  it('admits requests while closed, opens at the threshold, half-opens after the cooldown and closes on success', () => {
    const { health, clock } = healthAt();
    health.recordSuccess(5);
    expect(health.admit({ sharedSession: true })).toEqual({ admitted: true });
    health.release();
    failTimes(health, 3);
    expect(health.circuit).toBe('open');
    clock.advance(400);
    expect(health.admit({ sharedSession: true })).toEqual({
      admitted: false,
      reason: 'circuit-open',
      retryInMs: 600,
      consecutiveFailures: 3,
    });
    clock.advance(600);
    expect(health.circuit).toBe('half-open');
    expect(health.admit({ sharedSession: false })).toEqual({ admitted: true });
    expect(health.admit({ sharedSession: false })).toMatchObject({ reason: 'circuit-open' });
    health.recordSuccess(7);
    expect(health.circuit).toBe('closed');
    expect(health).toMatchObject({ healthy: true, latencyMs: 7 });
  });

  it('re-opens for a full cooldown when the half-open probe fails', () => {
    const { health, clock } = healthAt();
    failTimes(health, 3);
    clock.advance(1000);
    expect(health.admit({ sharedSession: true }).admitted).toBe(true);
    health.recordFailure('probe failed');
    expect(health.circuit).toBe('open');
    clock.advance(999);
    expect(health.admit({ sharedSession: true }).admitted).toBe(false);
    clock.advance(1);
    expect(health.admit({ sharedSession: true }).admitted).toBe(true);
  });

  it('records the last failure, says when health flips, and reports every record', () => {
    const { health, clock, events } = healthAt();
    clock.advance(1_700_000_000_000);
    health.recordSuccess(1);
    health.recordSuccess(2);
    health.recordFailure('Target "a" failed during ping: boom');
    expect(health).toMatchObject({
      healthy: false,
      lastError: 'Target "a" failed during ping: boom',
      lastErrorAt: new Date(1_700_000_000_000).toISOString(),
    });
    expect(events.changes).toEqual([true, false]);
    expect(events.records).toBe(3);
  });
});

describe('TargetHealth: pings', () => {
  it('pings every interval once started, and a failed ping makes the target unhealthy', () => {
    const { health, clock, events } = healthAt();
    health.recordSuccess(1);
    clock.advance(250);
    expect(events.pings).toBe(0);
    health.start();
    clock.advance(250);
    expect(events.pings).toBe(2);
    health.recordFailure('Target "a" did not answer ping within 100 ms');
    expect(health.healthy).toBe(false);
    expect(events.changes).toEqual([true, false]);
  });

  it('sends no ping while the circuit is open, then exactly one probe after the cooldown', () => {
    const { health, clock, events } = healthAt();
    health.start();
    failTimes(health, 3);
    clock.advance(900);
    expect(events.pings).toBe(0);
    clock.advance(100);
    expect(events.pings).toBe(1);
    clock.advance(300);
    expect(events.pings).toBe(1);
    health.recordSuccess(3);
    clock.advance(100);
    expect(events.pings).toBe(2);
  });

  it('stops pinging and restarting once stopped', () => {
    const { health, clock, events } = healthAt();
    health.start();
    health.scheduleRestart();
    health.stop();
    clock.advance(60_000);
    expect(events).toMatchObject({ pings: 0, restarts: [] });
    expect(clock.pending).toBe(0);
    health.scheduleRestart();
    expect(clock.pending).toBe(0);
  });
});

describe('TargetHealth: restarts', () => {
  it('uses core backoff: 500 ms doubling to 30 s with equal jitter', () => {
    expect(RESTART_BACKOFF).toEqual({ baseDelayMs: 500, maxDelayMs: 30_000 });
    const delays = (random: number) => {
      const { health, clock, events } = healthAt({ random: () => random });
      const seen: number[] = [];
      for (let attempt = 1; attempt <= 8; attempt += 1) {
        health.scheduleRestart();
        const refused = health.admit({ sharedSession: true });
        if (refused.admitted || refused.reason !== 'restarting') throw new Error('not restarting');
        seen.push(refused.retryInMs);
        clock.advance(refused.retryInMs);
        expect(events.restarts.at(-1)).toBe(attempt);
      }
      return seen;
    };
    expect(delays(0.999_999)).toEqual([500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
    expect(delays(0)).toEqual([250, 500, 1000, 2000, 4000, 8000, 15_000, 15_000]);
  });

  it('refuses shared-session requests and skips pings while a restart is pending, but not own sessions', () => {
    const { health, clock, events } = healthAt();
    health.start();
    health.recordFailure('Target "a" process exited: connection closed');
    health.scheduleRestart();
    health.scheduleRestart();
    expect(health.admit({ sharedSession: true })).toEqual({
      admitted: false,
      reason: 'restarting',
      retryInMs: 500,
    });
    expect(health.admit({ sharedSession: false })).toEqual({ admitted: true });
    clock.advance(400);
    expect(events.pings).toBe(0);
    clock.advance(100);
    expect(events.restarts).toEqual([1]);
    expect(health.restarts).toBe(1);
    clock.advance(100);
    expect(events.pings).toBe(1);
  });

  it('starts again from the shortest delay once the target has been listed', () => {
    const { health, clock } = healthAt();
    const nextDelay = () => {
      health.scheduleRestart();
      const refused = health.admit({ sharedSession: true });
      const delay = refused.admitted ? 0 : refused.retryInMs;
      clock.advance(delay);
      return delay;
    };
    expect([nextDelay(), nextDelay(), nextDelay()]).toEqual([500, 1000, 2000]);
    health.recordListed(12);
    expect(health).toMatchObject({ healthy: true, latencyMs: 12, restarts: 3 });
    expect(nextDelay()).toBe(500);
  });
});
