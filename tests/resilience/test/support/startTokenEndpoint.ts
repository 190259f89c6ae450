import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An OAuth 2.0 token endpoint for the client-credentials grant; see {@link startTokenEndpoint}. */
export interface TokenEndpoint {
  /** `http://127.0.0.1:<port>/oauth2/token`. */
  readonly url: string;
  /** Every access token it issued. */
  readonly issued: readonly string[];
  /** Answer the next `count` requests with 401 `invalid_client`, as a rotated secret would. */
  refuseNext(count: number): void;
  close(): Promise<void>;
}

/**
 * Starts a token endpoint on 127.0.0.1 that checks HTTP Basic client credentials and answers with
 * an access token from `issue`.
 *
 * @param options - The accepted client id and secret, and where tokens come from.
 * @returns The endpoint; close it in `afterAll`.
 */
export async function startTokenEndpoint(options: {
  clientId: string;
  clientSecret: string;
  issue: () => Promise<string>;
}): Promise<TokenEndpoint> {
  const issued: string[] = [];
  let refusals = 0;
  const expected = `Basic ${Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64')}`;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const answer = (status: number, body: object) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (refusals > 0 || req.headers.authorization !== expected) {
        refusals = Math.max(0, refusals - 1);
        answer(401, { error: 'invalid_client', error_description: 'Client authentication failed' });
        return;
      }
      void options.issue().then((token) => {
        issued.push(token);
        answer(200, { access_token: token, token_type: 'Bearer', expires_in: 3600 });
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/oauth2/token`,
    issued,
    refuseNext: (count) => void (refusals = count),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
