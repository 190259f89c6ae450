// `setup-cognito --m2m` needs CreateUserPoolDomain and CreateResourceServer, which cognito-local
// does not implement, so these tests pin the exact requests with a recording double: no network.
// The test user's sign-in goes through the client library's own SDK client (initiateCognitoAuth),
// so InitiateAuth is stubbed at the SDK class with aws-sdk-client-mock and recorded in the same list.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';

import type { CognitoClient } from '../../src/aws/cognitoClient.js';
import type { CognitoCredentials } from '../../src/cognito/credentialsFile.js';
import { run as setupCognito } from '../../src/commands/setupCognito.js';
import { createOutput } from '../../src/output.js';
import { missingFromIamTable } from '../docs/iamPermissionsTable.js';
import { testContext } from '../testContext.js';

const POOL_ID = 'us-east-1_AbCdEf123';
const SECRET = 'm2m-client-secret-value';
// A syntactically valid JWT (header.payload.signature) with an `exp`; never verified here.
const JWT = `e30.${Buffer.from(JSON.stringify({ exp: 2_000_000_000 })).toString('base64url')}.sig`;

type Call = [operation: string, input: Record<string, unknown>];

const cognitoSdk = mockClient(CognitoIdentityProviderClient);
/** Every request the Cognito doubles got in this file, for the IAM table check at its end. */
const everyCall: Call[] = [];
const sentRequests = () =>
  everyCall.map(([operation, input]) => ({ service: 'cognito-idp', operation, input }));

function notFound(name: string): Error {
  return Object.assign(new Error(`${name} from the double`), { name });
}

/** A Cognito client double: answers per operation from `state` and records every request. */
function createRecordingClient(state: { existing: boolean }): {
  client: CognitoClient;
  calls: Call[];
} {
  const calls: Call[] = [];
  const answer = (operation: string, input: Record<string, unknown>): unknown => {
    switch (operation) {
      case 'ListUserPools':
        return { UserPools: state.existing ? [{ Id: POOL_ID, Name: 'MCPServerPool' }] : [] };
      case 'CreateUserPool':
        return { UserPool: { Id: POOL_ID } };
      case 'ListUserPoolClients':
        return {
          UserPoolClients: state.existing
            ? [
                { ClientId: 'user-client', ClientName: 'MCPServerPoolClient' },
                { ClientId: 'm2m-client', ClientName: 'MCPServerPoolClient-m2m' },
              ]
            : [],
        };
      case 'CreateUserPoolClient':
        return input.GenerateSecret
          ? { UserPoolClient: { ClientId: 'm2m-client', ClientSecret: SECRET } }
          : { UserPoolClient: { ClientId: 'user-client' } };
      case 'DescribeUserPoolClient':
        return { UserPoolClient: { ClientId: 'm2m-client', ClientSecret: SECRET } };
      case 'DescribeUserPool':
        return {
          UserPool: { Id: POOL_ID, Domain: state.existing ? 'agentcore-mcp-abcdef123' : undefined },
        };
      case 'DescribeResourceServer':
        if (!state.existing) throw notFound('ResourceNotFoundException');
        return { ResourceServer: { Identifier: 'agentcore-mcp' } };
      case 'AdminGetUser':
        if (!state.existing) throw notFound('UserNotFoundException');
        return { Username: 'testuser' };
      case 'InitiateAuth':
        return {
          AuthenticationResult: {
            AccessToken: JWT,
            IdToken: JWT,
            RefreshToken: 'refresh',
            ExpiresIn: 3600,
          },
        };
      default:
        return {};
    }
  };
  const client = {
    send: (command: { input: Record<string, unknown> }) => {
      const operation = command.constructor.name.replace(/Command$/, '');
      calls.push([operation, command.input]);
      everyCall.push([operation, command.input]);
      // A throw inside the executor becomes the rejection, as the SDK's errors do.
      return new Promise((resolve) => resolve(answer(operation, command.input)));
    },
  } as unknown as CognitoClient;
  cognitoSdk.on(InitiateAuthCommand).callsFake((input: Record<string, unknown>) => {
    calls.push(['InitiateAuth', input]);
    everyCall.push(['InitiateAuth', input]);
    return answer('InitiateAuth', input);
  });
  return { client, calls };
}

function capture() {
  const lines: string[] = [];
  const output = createOutput({
    stdout: { write: (text: string) => lines.push(text) > 0 },
    stderr: { write: (text: string) => lines.push(`stderr:${text}`) > 0 },
  });
  return { lines, output };
}

describe('setup-cognito --m2m (recording Cognito double, no network)', () => {
  const dirs: string[] = [];
  afterEach(() => {
    cognitoSdk.reset();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  async function run(existing: boolean) {
    const dir = mkdtempSync(join(tmpdir(), 'agentcore-mcp-m2m-'));
    dirs.push(dir);
    const { client, calls } = createRecordingClient({ existing });
    const { lines, output } = capture();
    const result = await setupCognito(
      { region: 'us-east-1', m2m: true },
      { ...testContext({ cwd: dir, cognito: client }), output },
    );
    return { dir, calls, lines, result };
  }

  it('creates the domain, the resource server and a client-credentials client with a secret', async () => {
    const { dir, calls, lines } = await run(false);

    expect(calls.map(([operation]) => operation)).toEqual([
      'ListUserPools',
      'CreateUserPool',
      'ListUserPoolClients',
      'CreateUserPoolClient',
      'DescribeUserPool',
      'CreateUserPoolDomain',
      'DescribeResourceServer',
      'CreateResourceServer',
      'ListUserPoolClients',
      'CreateUserPoolClient',
      'AdminGetUser',
      'AdminCreateUser',
      'AdminSetUserPassword',
      'InitiateAuth',
    ]);
    const inputs = (operation: string) =>
      calls.filter(([name]) => name === operation).map(([, input]) => input);
    expect(inputs('CreateUserPool')).toEqual([
      { PoolName: 'MCPServerPool', Policies: { PasswordPolicy: { MinimumLength: 8 } } },
    ]);
    expect(inputs('CreateUserPoolDomain')).toEqual([
      { UserPoolId: POOL_ID, Domain: 'agentcore-mcp-abcdef123' },
    ]);
    expect(inputs('CreateResourceServer')).toEqual([
      {
        UserPoolId: POOL_ID,
        Identifier: 'agentcore-mcp',
        Name: 'agentcore-mcp',
        Scopes: [{ ScopeName: 'invoke', ScopeDescription: 'Invoke MCP servers on AgentCore' }],
      },
    ]);
    expect(inputs('CreateUserPoolClient')).toEqual([
      {
        UserPoolId: POOL_ID,
        ClientName: 'MCPServerPoolClient',
        GenerateSecret: false,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      },
      {
        UserPoolId: POOL_ID,
        ClientName: 'MCPServerPoolClient-m2m',
        GenerateSecret: true,
        AllowedOAuthFlows: ['client_credentials'],
        AllowedOAuthScopes: ['agentcore-mcp/invoke'],
        AllowedOAuthFlowsUserPoolClient: true,
        SupportedIdentityProviders: ['COGNITO'],
        ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
      },
    ]);
    const [created] = inputs('AdminCreateUser');
    expect(created).toMatchObject({
      UserPoolId: POOL_ID,
      Username: 'testuser',
      MessageAction: 'SUPPRESS',
    });
    const [password] = inputs('AdminSetUserPassword');
    expect(password).toMatchObject({ UserPoolId: POOL_ID, Username: 'testuser', Permanent: true });
    expect(inputs('InitiateAuth')).toEqual([
      {
        ClientId: 'user-client',
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'testuser', PASSWORD: password?.Password },
      },
    ]);

    expect(JSON.parse(readFileSync(join(dir, 'authorizer_config.json'), 'utf8'))).toStrictEqual({
      customJWTAuthorizer: {
        discoveryUrl: `https://cognito-idp.us-east-1.amazonaws.com/${POOL_ID}/.well-known/openid-configuration`,
        allowedClients: ['user-client', 'm2m-client'],
      },
    });
    const credentialsPath = join(dir, '.agentcore-mcp/cognito-credentials.json');
    const stored = JSON.parse(readFileSync(credentialsPath, 'utf8')) as CognitoCredentials;
    expect(stored.endpoint).toBeUndefined();
    expect(stored.m2m).toStrictEqual({
      clientId: 'm2m-client',
      clientSecret: SECRET,
      tokenUrl: 'https://agentcore-mcp-abcdef123.auth.us-east-1.amazoncognito.com/oauth2/token',
      scopes: ['agentcore-mcp/invoke'],
    });
    expect(statSync(credentialsPath).mode & 0o777).toBe(0o600);

    const printed = lines.join('');
    expect(printed).toContain('domain           agentcore-mcp-abcdef123: created');
    expect(printed).toContain('machine client   MCPServerPoolClient-m2m (m2m-client): created');
    expect(printed).toContain('agentcore-mcp token --m2m --shell');
    for (const secret of [SECRET, stored.password, JWT, 'refresh']) {
      expect(printed).not.toContain(secret);
    }
  });

  it('reuses the domain, resource server and machine client, reading its secret', async () => {
    const { calls, result, dir } = await run(true);
    const operations = calls.map(([operation]) => operation);
    expect(operations).toEqual([
      'ListUserPools',
      'ListUserPoolClients',
      'DescribeUserPool',
      'DescribeResourceServer',
      'ListUserPoolClients',
      'DescribeUserPoolClient',
      'AdminGetUser',
      'AdminSetUserPassword',
      'InitiateAuth',
    ]);
    expect(result.m2m).toStrictEqual({
      domain: { name: 'agentcore-mcp-abcdef123', created: false },
      resourceServer: { scopes: ['agentcore-mcp/invoke'], created: false },
      client: { id: 'm2m-client', name: 'MCPServerPoolClient-m2m', created: false },
      tokenUrl: 'https://agentcore-mcp-abcdef123.auth.us-east-1.amazoncognito.com/oauth2/token',
    });
    const stored = JSON.parse(
      readFileSync(join(dir, '.agentcore-mcp/cognito-credentials.json'), 'utf8'),
    ) as CognitoCredentials;
    expect(stored.m2m?.clientSecret).toBe(SECRET);
  });
});

describe('the IAM table in docs/troubleshooting.md', () => {
  it('lists every action the requests of these tests need in the row of setup-cognito --m2m and setup-cognito', () => {
    expect(sentRequests().length).toBeGreaterThan(0);
    expect(missingFromIamTable(['setup-cognito --m2m', 'setup-cognito'], sentRequests())).toEqual(
      [],
    );
  });
});
