import { describe, expect, it } from 'vitest';

import { quietAbortListenerFetch } from '../../../../src/upstream/transport/sse/quietAbortListenerFetch.js';

describe('quietAbortListenerFetch', () => {
  it('lifts the listener limit of the request signal and passes the request through unchanged', async () => {
    const seen: [unknown, RequestInit | undefined][] = [];
    const fetch = quietAbortListenerFetch((url, init) => {
      seen.push([url, init]);
      return Promise.resolve(new Response('ok'));
    });
    const { signal } = new AbortController();
    const init = { method: 'POST', signal };
    const response = await fetch('http://127.0.0.1:1/mcp', init);
    expect(await response.text()).toBe('ok');
    expect(seen).toEqual([['http://127.0.0.1:1/mcp', init]]);
    // Thousands of listeners on it (one per request until GC) no longer warn.
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      for (let index = 0; index < 2_000; index += 1)
        signal.addEventListener('abort', () => undefined);
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning')).toEqual(
      [],
    );
  });

  it('passes requests without a signal through', async () => {
    const fetch = quietAbortListenerFetch(() => Promise.resolve(new Response('plain')));
    expect(await (await fetch('http://127.0.0.1:1/mcp')).text()).toBe('plain');
  });
});
