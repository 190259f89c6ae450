import type { EndpointStatus, RuntimeStatusResult } from './runtimeStatus.js';

/**
 * The lines `agentcore-mcp status` prints: a headline, then one aligned `key: value` line per
 * fact (the failure reason only for `*_FAILED` states).
 *
 * @param result - What {@link getRuntimeStatus} returned.
 * @returns The lines, without newlines.
 * @example
 * ```ts
 * for (const line of formatStatusReport(result)) output.result(line);
 * ```
 */
export function formatStatusReport(result: RuntimeStatusResult): string[] {
  const rows: [string, string | undefined][] = [
    ['status', result.status],
    ['failure', result.failureReason],
    ['version', result.version],
    ['updated', result.lastUpdatedAt],
    ['endpoint', formatEndpoint(result.endpoint)],
    ['endpoint failure', result.endpoint.failureReason],
    ['protocol', result.protocol],
    ['auth', result.authorizer === 'JWT' ? 'JWT (customJWTAuthorizer)' : 'IAM (SigV4)'],
    ['region', result.region],
    ['arn', result.runtimeArn],
    ['url', result.invocationUrl],
  ];
  const present = rows.filter((row): row is [string, string] => row[1] !== undefined);
  const width = Math.max(...present.map(([key]) => key.length)) + 1;
  return [
    `${result.name} (${result.runtimeId})`,
    ...present.map(([key, value]) => `  ${`${key}:`.padEnd(width)} ${value}`),
  ];
}

function formatEndpoint(endpoint: EndpointStatus): string {
  const versions = [
    endpoint.liveVersion === undefined ? undefined : `live version ${endpoint.liveVersion}`,
    endpoint.targetVersion === undefined || endpoint.targetVersion === endpoint.liveVersion
      ? undefined
      : `target version ${endpoint.targetVersion}`,
  ].filter((part) => part !== undefined);
  return `${endpoint.name} ${endpoint.status}${versions.length > 0 ? `, ${versions.join(', ')}` : ''}`;
}
