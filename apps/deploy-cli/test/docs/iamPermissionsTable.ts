import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach } from 'vitest';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** The troubleshooting guide that holds the IAM permission table. */
export const TROUBLESHOOTING = join(REPO, 'docs', 'troubleshooting.md');

/** The IAM prefix of each AWS SDK client package the CLI imports. */
const SERVICE_OF_PACKAGE: Readonly<Record<string, string>> = {
  'client-bedrock-agentcore-control': 'bedrock-agentcore',
  'client-cloudwatch-logs': 'logs',
  'client-codebuild': 'codebuild',
  'client-cognito-identity-provider': 'cognito-idp',
  'client-ecr': 'ecr',
  'client-iam': 'iam',
  'client-s3': 's3',
  'client-sts': 'sts',
  'client-xray': 'xray',
};

/** API operations whose IAM action has another name, or that need none. */
const ACTION_OF_OPERATION: Readonly<Record<string, string | undefined>> = {
  's3:HeadBucket': 's3:ListBucket',
  's3:HeadObject': 's3:GetObject',
  's3:PutBucketLifecycleConfiguration': 's3:PutLifecycleConfiguration',
  's3:PutPublicAccessBlock': 's3:PutBucketPublicAccessBlock',
  // Unauthenticated or always allowed: no IAM action.
  'cognito-idp:InitiateAuth': undefined,
  'sts:GetCallerIdentity': undefined,
};

/**
 * The IAM action an API operation needs (`service:Operation` → `service:Action`), or `undefined`
 * when it needs none.
 */
export function iamActionOf(operation: string): string | undefined {
  return operation in ACTION_OF_OPERATION ? ACTION_OF_OPERATION[operation] : operation;
}

/** Every `service:Operation` the CLI's sources can send: each SDK `…Command` they import. */
export function operationsInSources(directory = SRC): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const importStatement = /import\s*\{([^}]*)\}\s*from\s*'@aws-sdk\/([\w-]+)'/g;
  for (const file of sourceFiles(directory)) {
    for (const [, names = '', pkg = ''] of readFileSync(file, 'utf8').matchAll(importStatement)) {
      const service = SERVICE_OF_PACKAGE[pkg];
      if (service === undefined) continue;
      for (const raw of names.split(',')) {
        const name =
          raw
            .replace(/^\s*type\s+/, '')
            .split(/\s+as\s+/)[0]
            ?.trim() ?? '';
        if (!/^[A-Z]\w*Command$/.test(name)) continue;
        const operation = `${service}:${name.slice(0, -'Command'.length)}`;
        found.set(operation, [...(found.get(operation) ?? []), file.slice(directory.length)]);
      }
    }
  }
  return found;
}

/** One row of the table: the commands it is about and the IAM actions it lists. */
export interface IamTableRow {
  readonly commands: string;
  readonly actions: ReadonlySet<string>;
}

/**
 * Reads the IAM table of the "Access denied" section: rows `| commands | actions |`. Actions are
 * written `service:Action`, and a bare `Action` continues the service named last in its row.
 */
export function readIamTable(markdown = readFileSync(TROUBLESHOOTING, 'utf8')): IamTableRow[] {
  const section = markdown.split(/^## /m).find((part) => part.startsWith('Access denied'));
  if (section === undefined) throw new Error('docs/troubleshooting.md has no "## Access denied"');
  const rows: IamTableRow[] = [];
  for (const line of section.split('\n')) {
    const cells = /^\|(.*)\|(.*)\|\s*$/.exec(line);
    if (cells === null || /^\s*-+\s*$/.test(cells[1] ?? '') || line.includes('IAM actions'))
      continue;
    const actions = new Set<string>();
    let service: string | undefined;
    for (const [, token = ''] of (cells[2] ?? '').matchAll(/`([^`]+)`/g)) {
      const qualified = /^([a-z0-9-]+):([A-Za-z0-9]+)$/.exec(token);
      if (qualified !== null) {
        service = qualified[1];
        actions.add(token);
      } else if (/^[A-Z][A-Za-z0-9]+$/.test(token) && service !== undefined) {
        actions.add(`${service}:${token}`);
      }
    }
    rows.push({ commands: (cells[1] ?? '').trim(), actions });
  }
  return rows;
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** One AWS request a command sends: recorded by its context, or seen by a mocked client. */
export interface SentRequest {
  readonly service: string;
  readonly operation: string;
  readonly input: unknown;
}

/**
 * IAM actions a request needs besides its own: authorization AWS checks on the side of an
 * operation, which no SDK command names. Each entry says where the need comes from.
 */
const IMPLIED_ACTIONS: readonly {
  readonly when: (request: SentRequest) => boolean;
  readonly actions: readonly string[];
}[] = [
  // Creating a resource with tags needs the service's tag action (IAM and ECR user guides).
  { when: sent('iam:CreateRole', 'Tags'), actions: ['iam:TagRole'] },
  { when: sent('ecr:CreateRepository', 'tags'), actions: ['ecr:TagResource'] },
  // Handing a role to a service needs iam:PassRole on it.
  {
    when: (request) => hasKey(request.input, 'roleArn') || hasKey(request.input, 'serviceRole'),
    actions: ['iam:PassRole'],
  },
  // AgentCore creates its service-linked role AWSServiceRoleForBedrockAgentCoreRuntimeIdentity
  // with the account's first runtime ("Using service-linked roles for Amazon Bedrock AgentCore").
  { when: sent('bedrock-agentcore:CreateAgentRuntime'), actions: ['iam:CreateServiceLinkedRole'] },
  // AgentCore Identity keeps a credential provider's secret in Secrets Manager with the caller's
  // permissions, and creates the token vault on first use (AWS's CDK constructs for AgentCore).
  {
    when: sent('bedrock-agentcore:CreateOauth2CredentialProvider'),
    actions: [
      'secretsmanager:CreateSecret',
      'secretsmanager:TagResource',
      'bedrock-agentcore:CreateTokenVault',
      'bedrock-agentcore:GetTokenVault',
    ],
  },
  {
    when: sent('bedrock-agentcore:UpdateOauth2CredentialProvider'),
    actions: ['secretsmanager:PutSecretValue'],
  },
  {
    when: sent('bedrock-agentcore:DeleteOauth2CredentialProvider'),
    actions: ['secretsmanager:DeleteSecret'],
  },
];

/**
 * Every IAM action a request needs: its operation's (see {@link iamActionOf}) and the implied
 * ones (tagging on create, `iam:PassRole`, the service-linked role, Secrets Manager and the token
 * vault behind credential providers).
 */
export function actionsNeededBy(request: SentRequest): string[] {
  const own = iamActionOf(`${request.service}:${request.operation}`);
  return [
    ...(own === undefined ? [] : [own]),
    ...IMPLIED_ACTIONS.filter(({ when }) => when(request)).flatMap(({ actions }) => actions),
  ];
}

/**
 * The table rows about the given commands: those whose first cell names one of them in
 * backticks (`` `launch` ``, `` `gateway register-managed` ``).
 *
 * @throws {Error} when a command has no row, so a renamed row cannot hide a gap.
 */
export function rowsFor(commands: readonly string[], rows = readIamTable()): IamTableRow[] {
  for (const command of commands) {
    if (!rows.some((row) => row.commands.includes(`\`${command}\``))) {
      throw new Error(`docs/troubleshooting.md has no IAM table row for \`${command}\``);
    }
  }
  return rows.filter((row) => commands.some((command) => row.commands.includes(`\`${command}\``)));
}

/**
 * The actions the requests need that the rows of `commands` do not list, each with the request
 * that needs it, e.g. `iam:TagRole (iam:CreateRole)`.
 */
export function missingFromIamTable(
  commands: readonly string[],
  requests: readonly SentRequest[],
): string[] {
  const listed = new Set(rowsFor(commands).flatMap((row) => [...row.actions]));
  const missing = new Set<string>();
  for (const request of requests) {
    for (const action of actionsNeededBy(request)) {
      if (!listed.has(action)) missing.add(`${action} (${request.service}:${request.operation})`);
    }
  }
  return [...missing].sort();
}

/** What {@link recordMockedRequests} needs of an aws-sdk-client-mock stub. */
export interface MockedClient {
  calls(): readonly { readonly args: readonly unknown[] }[];
}

/**
 * Collects, after each test of the file, the requests the mocked clients received (before the
 * next test resets them), so the file's last test can check them against the IAM table.
 *
 * @param mocks - IAM service prefix → mocked client, e.g. `{ iam, 'bedrock-agentcore': agentCore }`.
 * @returns A function returning every request seen so far.
 */
export function recordMockedRequests(
  mocks: Readonly<Record<string, MockedClient>>,
): () => SentRequest[] {
  const seen: SentRequest[] = [];
  afterEach(() => {
    for (const [service, mock] of Object.entries(mocks)) {
      for (const { args } of mock.calls()) {
        const command = args[0] as { input?: unknown; constructor: { name: string } };
        seen.push({
          service,
          operation: command.constructor.name.replace(/Command$/, ''),
          input: command.input,
        });
      }
    }
  });
  return () => seen;
}

function sent(operation: string, withKey?: string): (request: SentRequest) => boolean {
  return (request) =>
    `${request.service}:${request.operation}` === operation &&
    (withKey === undefined || hasKey(request.input, withKey));
}

function hasKey(input: unknown, key: string): boolean {
  return (
    typeof input === 'object' &&
    input !== null &&
    (input as Record<string, unknown>)[key] !== undefined
  );
}
