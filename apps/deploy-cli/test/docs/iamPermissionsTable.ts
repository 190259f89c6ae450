import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
