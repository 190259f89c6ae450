import {
  CreateResourceServerCommand,
  DescribeResourceServerCommand,
} from '@aws-sdk/client-cognito-identity-provider';

import type { CognitoClient } from './cognitoClient.js';
import { isAwsError } from './toAwsRequestError.js';

/** The resource server identifier, the prefix of its scope strings. */
export const RESOURCE_SERVER_ID = 'agentcore-mcp';
/** The one scope machine clients get: `agentcore-mcp/invoke`. */
export const INVOKE_SCOPE = `${RESOURCE_SERVER_ID}/invoke`;

/**
 * Finds the `agentcore-mcp` resource server of a pool (DescribeResourceServer) or creates it with
 * an `invoke` scope (CreateResourceServer), for client-credentials tokens.
 *
 * @param client - The Cognito client.
 * @param userPoolId - The pool id.
 * @returns The scope strings (`['agentcore-mcp/invoke']`) and whether it was created.
 * @throws `AwsRequestError` (`ERR_AWS_REQUEST_FAILED`) when a call fails (cognito-local answers `Unsupported`).
 * @example
 * ```ts
 * const { scopes } = await ensureResourceServer(client, userPoolId);
 * ```
 */
export async function ensureResourceServer(
  client: CognitoClient,
  userPoolId: string,
): Promise<{ scopes: string[]; created: boolean }> {
  const scopes = [INVOKE_SCOPE];
  try {
    await client.send(
      new DescribeResourceServerCommand({ UserPoolId: userPoolId, Identifier: RESOURCE_SERVER_ID }),
    );
    return { scopes, created: false };
  } catch (error) {
    if (!isAwsError(error, 'ResourceNotFoundException')) throw error;
  }
  await client.send(
    new CreateResourceServerCommand({
      UserPoolId: userPoolId,
      Identifier: RESOURCE_SERVER_ID,
      Name: RESOURCE_SERVER_ID,
      Scopes: [{ ScopeName: 'invoke', ScopeDescription: 'Invoke MCP servers on AgentCore' }],
    }),
  );
  return { scopes, created: true };
}
