import type { CognitoClient } from '../aws/cognitoClient.js';
import type { CognitoTarget } from '../aws/cognitoTarget.js';

/** What the Cognito commands take from their surroundings; `cli.ts` passes the process's. */
export interface CognitoCommandContext {
  /** The environment: `AWS_REGION`, `AWS_DEFAULT_REGION`, `AGENTCORE_MCP_COGNITO_ENDPOINT`, … */
  env: NodeJS.ProcessEnv;
  /** The directory relative paths are resolved against. */
  cwd: string;
  /** Makes the Cognito client. Default: the AWS SDK client (tests pass a recording double). */
  createClient?: (target: CognitoTarget) => CognitoClient;
  /** The fetch for the OAuth token endpoint. Default: the global one. */
  fetch?: typeof fetch;
}
