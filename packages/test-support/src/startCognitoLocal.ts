import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import { cognitoLocalFile } from './cognitoLocalFile.js';
import { type CognitoLocalFront, startCognitoLocalFront } from './cognitoLocalFront.js';

/** A running cognito-local behind its own front; see {@link startCognitoLocal}. */
export interface CognitoLocal {
  /** `http://127.0.0.1:<frontPort>`: the AWS SDK `endpoint` (with dummy credentials). */
  readonly endpoint: string;
  /** The region to give the AWS SDK: `'us-east-1'` (cognito-local accepts any). */
  readonly region: string;
  /**
   * The OIDC discovery URL of a user pool, as a `customJWTAuthorizer` would use it:
   * `http://localhost:<frontPort>/<poolId>/.well-known/openid-configuration`. Its `issuer` equals
   * the `iss` of the pool's tokens and its `jwks_uri` points at this front too.
   */
  discoveryUrl(userPoolId: string): string;
  /** Stops the front and cognito-local and removes its temporary directory. Safe to call twice. */
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 20_000;
const KEPT_OUTPUT_LINES = 200;
const RUNNING_LINE = /Cognito Local running on https?:\/\/[^\s:]+:(\d+)/;
// eslint-disable-next-line no-control-regex -- cognito-local's pino-pretty always colours its lines
const ANSI_COLOUR = /\u001b\[[0-9;]*m/g;
// Runs cognito-local's own entry, and exits when our end of stdin closes, so a test process that
// dies without calling stop() leaves no server behind.
const RUN_UNTIL_STDIN_CLOSES =
  "process.stdin.on('end', () => process.exit(0)).resume(); require(process.argv[1]);";

/**
 * Starts a private cognito-local (the embedded Cognito user-pool API) for one test file: the
 * server runs as a child process on a free port with its state in a fresh temporary directory,
 * behind a reverse proxy that serves a discovery document pointing at the proxy itself. Any number
 * can run at once. Usernames need not be e-mails. cognito-local prints nothing unless it fails to
 * start; its output is then part of the error.
 *
 * @returns The running instance once it answers through `localhost`; stop it in `afterAll`.
 * @throws Error when cognito-local exits or stays silent for 20 s, with its output.
 * @example
 * ```ts
 * const cognito = await startCognitoLocal();
 * const client = new CognitoIdentityProviderClient({
 *   endpoint: cognito.endpoint,
 *   region: cognito.region,
 *   credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
 * });
 * try { … } finally { await cognito.stop(); }
 * ```
 */
export async function startCognitoLocal(): Promise<CognitoLocal> {
  const dir = mkdtempSync(join(tmpdir(), 'agentcore-mcp-cognito-'));
  let front: CognitoLocalFront | undefined;
  let child: ChildProcess | undefined;
  const stopAll = async (): Promise<void> => {
    await front?.close();
    if (child) await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    front = await startCognitoLocalFront();
    const origin = `http://localhost:${front.port}`;
    mkdirSync(join(dir, '.cognito'));
    writeFileSync(
      join(dir, '.cognito', 'config.json'),
      JSON.stringify({
        UserPoolDefaults: { UsernameAttributes: [] },
        TokenConfig: { IssuerDomain: origin },
      }),
    );
    const started = spawnCognitoLocal(dir);
    child = started.child;
    front.setTarget(await started.port);
    await assertAnswers(`${origin}/health`);
    let stopping: Promise<void> | undefined;
    return {
      endpoint: `http://127.0.0.1:${front.port}`,
      region: 'us-east-1',
      discoveryUrl: (userPoolId) =>
        `${origin}/${encodeURIComponent(userPoolId)}/.well-known/openid-configuration`,
      stop: () => (stopping ??= stopAll()),
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

function spawnCognitoLocal(dir: string): { child: ChildProcess; port: Promise<number> } {
  const entry = cognitoLocalFile('lib/bin/start.js');
  const child = spawn(process.execPath, ['-e', RUN_UNTIL_STDIN_CLOSES, entry], {
    cwd: dir,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (line: string) => {
    output.push(line.replace(ANSI_COLOUR, ''));
    if (output.length > KEPT_OUTPUT_LINES) output.shift();
  };
  createInterface({ input: child.stderr }).on('line', keep);
  const stdout = createInterface({ input: child.stdout });
  const port = new Promise<number>((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`cognito-local ${why}:\n${output.join('\n')}`));
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(`did not start within ${START_TIMEOUT_MS} ms`);
    }, START_TIMEOUT_MS);
    child.once('error', (error) => fail(`could not be spawned (${error.message})`));
    child.once('exit', (code, signal) => fail(`exited (${code ?? signal}) before listening`));
    stdout.on('line', (line) => {
      keep(line);
      const match = RUNNING_LINE.exec(line.replace(ANSI_COLOUR, ''));
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolve(Number(match[1]));
    });
  });
  return { child, port };
}

async function assertAnswers(url: string): Promise<void> {
  try {
    const response = await fetch(url);
    if (response.ok) return;
    throw new Error(`HTTP ${response.status}`);
  } catch (error) {
    throw new Error(`cognito-local's front does not answer at ${url}`, { cause: error });
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
