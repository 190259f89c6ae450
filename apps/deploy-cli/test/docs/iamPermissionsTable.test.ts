import { describe, expect, it } from 'vitest';

import { iamActionOf, operationsInSources, readIamTable } from './iamPermissionsTable.js';

describe('the IAM permission table in docs/troubleshooting.md', () => {
  it('lists the IAM action of every AWS operation the CLI can send', () => {
    const listed = new Set(readIamTable().flatMap((row) => [...row.actions]));
    const missing = [...operationsInSources()]
      .map(([operation, files]) => ({ action: iamActionOf(operation), files }))
      .filter(({ action }) => action !== undefined && !listed.has(action))
      .map(({ action, files }) => `${action} (sent from ${files.join(', ')})`);
    expect(missing).toEqual([]);
  });

  it('reads rows, carrying the service prefix to bare action names', () => {
    const rows = readIamTable(
      [
        '## Access denied',
        '| Command | IAM actions it needs |',
        '| --- | --- |',
        '| `status` | `bedrock-agentcore:GetAgentRuntime`, `GetAgentRuntimeEndpoint`; `s3:ListBucket` (HeadBucket) |',
        '## Next',
      ].join('\n'),
    );
    expect(rows).toEqual([
      {
        commands: '`status`',
        actions: new Set([
          'bedrock-agentcore:GetAgentRuntime',
          'bedrock-agentcore:GetAgentRuntimeEndpoint',
          's3:ListBucket',
        ]),
      },
    ]);
  });
});
