import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';

import { COGNITO_REQUEST_HINTS } from './cognitoRequestHints.js';
import type { CognitoTarget } from './cognitoTarget.js';
import { toAwsRequestError } from './toAwsRequestError.js';

/** The part of the SDK client the `src/aws/cognito*.ts` functions use; tests pass a double. */
export type CognitoClient = Pick<CognitoIdentityProviderClient, 'send'>;

/** Credentials for a local server, which checks no signature. */
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/**
 * Creates the Cognito user-pool client for a region (and optionally a local endpoint). Credentials
 * come from the standard AWS chain; against a local endpoint with no AWS credentials in the
 * environment it signs with dummy ones. Every failure (service, network, credentials) is rethrown as
 * a one-line `AwsRequestError` naming the operation, with the Cognito commands' hints.
 *
 * @param target - The region and optional endpoint.
 * @param env - The process environment, to see whether AWS credentials are set.
 * @returns The SDK client.
 * @example
 * ```ts
 * const client = createCognitoClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9229' }, process.env);
 * ```
 */
export function createCognitoClient(
  target: CognitoTarget,
  env: NodeJS.ProcessEnv,
): CognitoIdentityProviderClient {
  const useLocalCredentials =
    target.endpoint !== undefined && !env.AWS_ACCESS_KEY_ID && !env.AWS_PROFILE;
  const client = new CognitoIdentityProviderClient({
    region: target.region,
    ...(target.endpoint === undefined ? {} : { endpoint: target.endpoint }),
    ...(useLocalCredentials ? { credentials: LOCAL_CREDENTIALS } : {}),
  });
  client.middlewareStack.add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        const operation = (context.commandName ?? 'request').replace(/Command$/, '');
        throw toAwsRequestError(
          { service: 'cognito-idp', operation, ...target },
          error,
          COGNITO_REQUEST_HINTS,
        );
      }
    },
    { step: 'initialize', name: 'agentcoreMcpCognitoErrors' },
  );
  return client;
}
