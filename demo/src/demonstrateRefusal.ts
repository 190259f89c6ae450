import { DemoStepError, step } from './demoStep.js';

/**
 * Calls `tools/list` on an MCP endpoint without a token and checks that it is refused with 401.
 *
 * @param url - The MCP endpoint (an emulator invocation URL, the gateway's `/mcp`).
 * @param who - Who is called, for the transcript (`Gateway`); default: nobody named.
 * @returns The transcript line, with the `WWW-Authenticate` header the server sent.
 * @throws {@link DemoStepError} when the call fails or is not refused with 401.
 */
export async function demonstrateRefusal(url: string, who?: string): Promise<string> {
  const label = who === undefined ? 'Without a token' : `${who} without a token`;
  const stepName = who === undefined ? 'Calling without a token' : `Calling ${who} without a token`;
  const response = await step(stepName, () =>
    fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    }),
  );
  if (response.status !== 401) {
    throw new DemoStepError(stepName, {
      cause: new Error(`expected HTTP 401, got ${response.status}`),
    });
  }
  return `🚫 ${label}: HTTP 401, WWW-Authenticate: ${response.headers.get('www-authenticate') ?? '(none)'}`;
}
