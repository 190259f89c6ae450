import type { RecordedAwsRequest } from '../aws/awsRequests.js';

/**
 * The `--dry-run` report: a heading and one numbered line per AWS request, in order, with its
 * input as JSON: what would be sent, except secret fields such as `clientSecret`, which the request
 * recorder already replaced with `<redacted>` (`redactSecretFields`).
 *
 * @param requests - `context.aws.requests`.
 * @returns The lines to print.
 * @example
 * ```ts
 * for (const line of formatDryRun(context.aws.requests)) context.output.result(line);
 * // Dry run: nothing was sent. The 2 AWS requests, in order:
 * //   1. bedrock-agentcore:ListGateways {"maxResults":100}
 * ```
 */
export function formatDryRun(requests: readonly RecordedAwsRequest[]): string[] {
  return [
    `Dry run: nothing was sent. The ${requests.length} AWS request${requests.length === 1 ? '' : 's'}, in order:`,
    ...requests.map(
      (request, index) =>
        `  ${index + 1}. ${request.service}:${request.operation} ${JSON.stringify(request.input)}`,
    ),
  ];
}
