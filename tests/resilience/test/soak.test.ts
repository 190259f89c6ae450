import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { EXAMPLE_SERVER_ENTRY } from './support/appEntries.js';
import { median, processRss } from './support/processRss.js';
import { createRpcClient, type RpcClient } from './support/rpcClient.js';
import { runCalls } from './support/runCalls.js';
import { startGatewayService } from './support/startGatewayService.js';
import { type StartedProcess, startProcess } from './support/startProcess.js';

const CALLS = 100_000;
const CONNECTIONS = 50;
const WARM_UP_CALLS = 5_000;
/** RSS is sampled this often during the soak. */
const SAMPLE_EVERY_MS = 250;
/** The baseline is the median RSS over the first tenth of the soak, the end over the last. */
const WINDOW = CALLS / 10;
const MAX_RSS_DRIFT = 0.1;

describe(`soak: ${CALLS.toLocaleString('en')} calls through the gateway at ${CONNECTIONS} connections`, () => {
  const lines: string[] = [];
  let upstream: StartedProcess;
  let gateway: StartedProcess;
  let client: RpcClient;

  beforeAll(async () => {
    upstream = await startProcess({ args: [EXAMPLE_SERVER_ENTRY], lines });
    gateway = await startGatewayService(
      { mcpServers: { example: { url: upstream.url } } },
      { lines },
    );
    client = createRpcClient(gateway.url, { connections: CONNECTIONS, deadlineMs: 30_000 });
  });
  afterAll(async () => {
    client?.close();
    await gateway?.stop();
    await upstream?.stop();
  });

  it('loses or mismatches no response, and the gateway RSS drifts at most 10 %', async () => {
    const common = {
      tool: 'example___echo_message',
      concurrency: CONNECTIONS,
      expectedText: (message: string) => `Echo: ${message}`,
    };
    const warmUp = await runCalls(client, { ...common, count: WARM_UP_CALLS, firstId: 1 });
    expect(warmUp.problems).toEqual([]);

    const pid = gateway.child.pid ?? 0;
    const samples: { done: number; rss: number }[] = [];
    let done = 0;
    const sampler = setInterval(
      () => samples.push({ done, rss: processRss(pid) }),
      SAMPLE_EVERY_MS,
    );
    const soak = await runCalls(client, {
      ...common,
      count: CALLS,
      firstId: WARM_UP_CALLS + 1,
      onProgress: (count) => (done = count),
    }).finally(() => clearInterval(sampler));

    expect(soak.problems).toEqual([]);
    expect(soak).toMatchObject({ ok: CALLS, wrong: 0 });
    const start = median(samples.filter((sample) => sample.done <= WINDOW).map((s) => s.rss));
    const end = median(samples.filter((sample) => sample.done >= CALLS - WINDOW).map((s) => s.rss));
    const drift = end / start - 1;
    expect(
      drift,
      `gateway RSS ${mb(start)} MB over the first ${WINDOW} calls, ${mb(end)} MB over the last`,
    ).toBeLessThanOrEqual(MAX_RSS_DRIFT);
    expect(gateway.child.exitCode).toBeNull();
  }, 300_000);

  it('printed no warning or error on the way (no listener-leak warnings, no stack traces)', () => {
    const bad = lines.filter((line) => /Warning|"level":"(error|fatal)"|^\s+at /.test(line));
    expect(bad).toEqual([]);
  });
});

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
