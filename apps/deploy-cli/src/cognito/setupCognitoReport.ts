import { relative } from 'node:path';

import type { EnsureGitignoredResult } from '../gitignore.js';
import { CREDENTIALS_FILE } from './credentialsFile.js';

/** What `setup-cognito` did; printed for people, or as JSON with `--json`. It holds no secret. */
export interface SetupCognitoResult {
  /** The AWS region. */
  region: string;
  /** The local endpoint, when not AWS. */
  endpoint?: string;
  /** The user pool. */
  userPool: { id: string; name: string; created: boolean };
  /** The app client people sign in with. */
  appClient: { id: string; name: string; created: boolean };
  /** The test user; its password is new on every run. */
  user: { username: string; created: boolean };
  /** The machine-to-machine set-up, with `--m2m`. */
  m2m?: {
    domain: { name: string; created: boolean };
    resourceServer: { scopes: string[]; created: boolean };
    client: { id: string; name: string; created: boolean };
    tokenUrl: string;
  };
  /** The discovery URL in the authorizer config. */
  discoveryUrl: string;
  /** Absolute paths of the files written. */
  files: { authorizerConfig: string; credentials: string };
  /** Whether `.agentcore-mcp/` was added to the output directory's `.gitignore`. */
  gitignore: EnsureGitignoredResult;
}

/**
 * The human-readable summary of `setup-cognito`: what was created or reused, the files written,
 * and the commands to run next. Never a password, secret or token.
 *
 * @param result - What was set up.
 * @param cwd - The directory paths are shown relative to.
 * @returns The lines to print.
 */
export function formatSetupCognitoReport(result: SetupCognitoResult, cwd: string): string[] {
  const show = (path: string) => relative(cwd, path) || '.';
  const state = (created: boolean) => (created ? 'created' : 'reused');
  const where = result.endpoint ? `at ${result.endpoint}` : `in ${result.region}`;
  const lines = [
    `Cognito ${where}:`,
    `  user pool        ${result.userPool.name} (${result.userPool.id}): ${state(result.userPool.created)}`,
    `  app client       ${result.appClient.name} (${result.appClient.id}): ${state(result.appClient.created)}`,
    `  user             ${result.user.username}: ${result.user.created ? 'created' : 'reused'}, new password set`,
  ];
  const { m2m } = result;
  if (m2m) {
    lines.push(
      `  domain           ${m2m.domain.name}: ${state(m2m.domain.created)}`,
      `  resource server  ${m2m.resourceServer.scopes.join(' ')}: ${state(m2m.resourceServer.created)}`,
      `  machine client   ${m2m.client.name} (${m2m.client.id}): ${state(m2m.client.created)}`,
    );
  }
  const credentials = show(result.files.credentials);
  lines.push(
    `Wrote ${show(result.files.authorizerConfig)} (customJWTAuthorizer for the runtime)`,
    `Wrote ${credentials} (mode 0600: password${m2m ? ', client secret' : ''} and tokens)`,
  );
  switch (result.gitignore) {
    case 'added':
      lines.push('Added .agentcore-mcp/ to .gitignore');
      break;
    case 'present':
      break;
    case 'no-gitignore':
      lines.push('Keep .agentcore-mcp/ out of version control: it holds secrets');
      break;
  }
  const credentialsFlag = credentials === CREDENTIALS_FILE ? '' : ` --credentials ${credentials}`;
  lines.push(
    'Next:',
    `  eval "$(agentcore-mcp token --shell${credentialsFlag})"   # BEARER_TOKEN for MCP clients`,
  );
  if (m2m) {
    lines.push(`  eval "$(agentcore-mcp token --m2m --shell${credentialsFlag})"   # machine token`);
  }
  lines.push(
    `  AUTHORIZER_CONFIG=${show(result.files.authorizerConfig)} node apps/example-server/dist/main.js`,
  );
  return lines;
}
