import { randomBytes } from 'node:crypto';

import { type CognitoLocal, startCognitoLocal } from '@agentcore-mcp/test-support';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';

const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** A user of the test pool. */
export interface TestUser {
  username: string;
  password: string;
}

/** A user pool with one app client (password and refresh-token sign-in) on a private cognito-local. */
export interface CognitoTestPool {
  readonly cognito: CognitoLocal;
  readonly clientId: string;
  /** A fresh user with a permanent password (or only a temporary one: a challenge on sign-in). */
  createUser(options?: { temporaryPassword?: boolean }): Promise<TestUser>;
  setPassword(username: string, password: string): Promise<void>;
  /** Signs the user in directly and returns the refresh token. */
  signIn(user: TestUser): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts cognito-local with a user pool and an app client without a secret that allows
 * USER_PASSWORD_AUTH and REFRESH_TOKEN_AUTH.
 *
 * @returns The pool; `stop()` it in `afterAll`.
 */
export async function startCognitoTestPool(): Promise<CognitoTestPool> {
  const cognito = await startCognitoLocal();
  const admin = new CognitoIdentityProviderClient({
    endpoint: cognito.endpoint,
    region: cognito.region,
    credentials: LOCAL_CREDENTIALS,
  });
  const { UserPool } = await admin.send(
    new CreateUserPoolCommand({
      PoolName: 'TokenProviderPool',
      Policies: { PasswordPolicy: { MinimumLength: 8 } },
    }),
  );
  const poolId = UserPool!.Id!;
  const { UserPoolClient } = await admin.send(
    new CreateUserPoolClientCommand({
      UserPoolId: poolId,
      ClientName: 'TokenProviderClient',
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }),
  );
  const clientId = UserPoolClient!.ClientId!;
  let users = 0;

  const setPassword = async (username: string, password: string) => {
    await admin.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: poolId,
        Username: username,
        Password: password,
        Permanent: true,
      }),
    );
  };

  return {
    cognito,
    clientId,
    async createUser({ temporaryPassword = false } = {}) {
      users += 1;
      const user = { username: `user${users}`, password: generatePassword() };
      await admin.send(
        new AdminCreateUserCommand({
          UserPoolId: poolId,
          Username: user.username,
          MessageAction: 'SUPPRESS',
          ...(temporaryPassword ? { TemporaryPassword: user.password } : {}),
        }),
      );
      if (!temporaryPassword) await setPassword(user.username, user.password);
      return user;
    },
    setPassword,
    async signIn({ username, password }) {
      const { AuthenticationResult } = await admin.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: username, PASSWORD: password },
        }),
      );
      return AuthenticationResult!.RefreshToken!;
    },
    async stop() {
      admin.destroy();
      await cognito.stop();
    },
  };
}

/** A password that meets Cognito's default policy (upper, lower, digit, symbol). */
export function generatePassword(): string {
  return `Aa1!${randomBytes(12).toString('base64url')}`;
}
