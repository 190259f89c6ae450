import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';

import {
  findFreePort,
  type ServerProcess,
  startServerProcess,
} from '@agentcore-mcp/server-kit/process';

import { CliError } from '../errors.js';

/** The cognito-local release `dev --local-auth` is tested with (the optional peer dependency). */
export const COGNITO_LOCAL_VERSION = '5.3.0';

/** A running cognito-local; see {@link startLocalCognito}. */
export interface LocalCognito {
  /** Its API origin, `http://127.0.0.1:<port>`: the Cognito `--endpoint`. */
  readonly endpoint: string;
  /** A user pool's OIDC discovery URL, served with the right `issuer` and `jwks_uri`. */
  discoveryUrl(userPoolId: string): string;
  /** Stops cognito-local and the discovery server. */
  stop(): Promise<void>;
}

const DISCOVERY_PATH = /^\/([^/]+)\/\.well-known\/openid-configuration$/;

/**
 * Starts cognito-local (the Cognito user-pool API on this machine), installed by the user as an
 * optional peer dependency of the CLI, on `127.0.0.1` and a free port, its state in `stateDir`.
 * Its tokens' issuer is `http://127.0.0.1:<port>/<pool>`; its own discovery document names
 * `localhost:9229` whatever its port, so a small server on 127.0.0.1 serves corrected ones.
 *
 * @param projectDir - Where cognito-local is looked up first (the project's node_modules); then
 *   next to the CLI.
 * @param stateDir - An empty directory for its configuration and data.
 * @returns The running instance.
 * @throws {@link CliError} `ERR_NOT_CONFIGURED` when cognito-local is not installed (with the npm
 *   command); `ServerProcessError` when it does not start.
 * @example
 * ```ts
 * const cognito = await startLocalCognito(projectDir, mkdtempSync(join(tmpdir(), 'cognito-')));
 * ```
 */
export async function startLocalCognito(
  projectDir: string,
  stateDir: string,
): Promise<LocalCognito> {
  const entry = findCognitoLocal(projectDir);
  const port = await findFreePort();
  const endpoint = `http://127.0.0.1:${port}`;
  mkdirSync(join(stateDir, '.cognito'), { recursive: true });
  writeFileSync(
    join(stateDir, '.cognito', 'config.json'),
    JSON.stringify({
      UserPoolDefaults: { UsernameAttributes: [] },
      TokenConfig: { IssuerDomain: endpoint },
    }),
  );
  const cognito: ServerProcess = await startServerProcess(process.execPath, [entry], {
    cwd: stateDir,
    env: { PORT: String(port) },
    ready: { kind: 'port', port, path: '' },
    readyTimeoutMs: 20_000,
  });
  let discovery: Server;
  try {
    discovery = await serveDiscovery(endpoint);
  } catch (error) {
    await cognito.stop();
    throw error;
  }
  const discoveryOrigin = `http://127.0.0.1:${(discovery.address() as AddressInfo).port}`;
  return {
    endpoint,
    discoveryUrl: (userPoolId) =>
      `${discoveryOrigin}/${encodeURIComponent(userPoolId)}/.well-known/openid-configuration`,
    stop: async () => {
      await new Promise<void>((resolve) => {
        discovery.closeAllConnections();
        discovery.close(() => resolve());
      });
      await cognito.stop();
    },
  };
}

/** The path of cognito-local's start script, from the project or next to the CLI. */
function findCognitoLocal(projectDir: string): string {
  for (const from of [join(projectDir, 'package.json'), import.meta.url]) {
    try {
      const manifestPath = createRequire(from).resolve('cognito-local/package.json');
      const { bin } = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin?: unknown };
      return join(dirname(manifestPath), typeof bin === 'string' ? bin : 'lib/bin/start.js');
    } catch {
      // Not there; try the next place.
    }
  }
  throw new CliError(
    'ERR_NOT_CONFIGURED',
    `--local-auth runs cognito-local, which is not installed: npm install -D cognito-local@${COGNITO_LOCAL_VERSION} in ${projectDir}, then run agentcore-mcp dev --local-auth again`,
  );
}

/** Serves each pool's discovery document from cognito-local with its real issuer and JWKS URL. */
async function serveDiscovery(endpoint: string): Promise<Server> {
  const server = createServer((req, res) => {
    const pool = DISCOVERY_PATH.exec(req.url?.split('?')[0] ?? '')?.[1];
    const send = (status: number, body: object) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'GET' || pool === undefined) {
      send(404, { message: 'Only /<pool>/.well-known/openid-configuration is served here' });
      return;
    }
    fetch(`${endpoint}/${pool}/.well-known/openid-configuration`)
      .then(async (answer) => {
        if (!answer.ok) return send(answer.status, { message: `cognito-local: ${answer.status}` });
        const issuer = `${endpoint}/${pool}`;
        const document = (await answer.json()) as object;
        send(200, { ...document, issuer, jwks_uri: `${issuer}/.well-known/jwks.json` });
      })
      .catch((error: unknown) => send(502, { message: `cognito-local: ${String(error)}` }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return server;
}
