import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
} from '@aws-sdk/client-cognito-identity-provider';

import type { CognitoClient } from './cognitoClient.js';
import { isAwsError } from './toAwsRequestError.js';

/** What {@link ensureUserWithPassword} needs. */
export interface EnsureUserWithPasswordOptions {
  /** The pool id. */
  userPoolId: string;
  /** The username, e.g. `testuser`. */
  username: string;
  /** The permanent password to set (a fresh generated one on every run). */
  password: string;
  /** A throw-away temporary password for a new user; replaced at once by `password`. */
  temporaryPassword: string;
}

/**
 * Makes sure a confirmed user exists with the given password: AdminGetUser, else AdminCreateUser
 * (`MessageAction: SUPPRESS`, so nobody is e-mailed), then AdminSetUserPassword with
 * `Permanent: true` so no NEW_PASSWORD_REQUIRED challenge follows.
 *
 * @param client - The Cognito client.
 * @param options - Pool, username and passwords.
 * @returns `{ created }`: whether the user was created (else it existed and its password rotated).
 * @throws `AwsRequestError` (`ERR_AWS_REQUEST_FAILED`) when a call fails.
 * @example
 * ```ts
 * await ensureUserWithPassword(client, { userPoolId, username: 'testuser', password, temporaryPassword });
 * ```
 */
export async function ensureUserWithPassword(
  client: CognitoClient,
  options: EnsureUserWithPasswordOptions,
): Promise<{ created: boolean }> {
  const user = { UserPoolId: options.userPoolId, Username: options.username };
  let created = false;
  try {
    await client.send(new AdminGetUserCommand(user));
  } catch (error) {
    if (!isAwsError(error, 'UserNotFoundException')) throw error;
    await client.send(
      new AdminCreateUserCommand({
        ...user,
        TemporaryPassword: options.temporaryPassword,
        MessageAction: 'SUPPRESS',
      }),
    );
    created = true;
  }
  await client.send(
    new AdminSetUserPasswordCommand({ ...user, Password: options.password, Permanent: true }),
  );
  return { created };
}
