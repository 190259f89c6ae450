import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the token endpoint received. */
export interface TokenRequest {
  readonly authorization: string | undefined;
  /** The form fields, e.g. `grant_type`, `scope`. */
  readonly form: Record<string, string>;
}

/** A minimal OAuth 2.0 token endpoint; see {@link startTokenEndpoint}. */
export interface TokenEndpoint {
  /** `http://127.0.0.1:<port>/oauth2/token`. */
  readonly url: string;
  readonly requests: readonly TokenRequest[];
  close(): Promise<void>;
}

/**
 * Starts an OAuth 2.0 `client_credentials` token endpoint on 127.0.0.1 that accepts one client
 * (HTTP Basic) and issues opaque tokens `oauth-token-1`, `oauth-token-2`… valid for an hour.
 * Anything else gets `invalid_client` (401).
 */
export async function startTokenEndpoint(client: {
  id: string;
  secret: string;
}): Promise<TokenEndpoint> {
  const requests: TokenRequest[] = [];
  const expected = `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString('base64')}`;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      requests.push({ authorization: req.headers.authorization, form });
      const ok =
        req.method === 'POST' &&
        req.headers.authorization === expected &&
        form.grant_type === 'client_credentials';
      const body = ok
        ? { access_token: `oauth-token-${requests.length}`, token_type: 'Bearer', expires_in: 3600 }
        : { error: 'invalid_client' };
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/oauth2/token`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
