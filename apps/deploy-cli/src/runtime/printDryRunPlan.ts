import type { RecordedAwsRequest } from '../aws/awsRequests.js';
import type { Output } from '../output.js';

/**
 * Prints the requests a `--dry-run` recorded, as one JSON array (service, operation, input), with
 * binary bodies shown as their size. Nothing in them is secret: inputs never carry credentials.
 */
export function printDryRunPlan(output: Output, requests: readonly RecordedAwsRequest[]): void {
  output.result(
    JSON.stringify(
      requests,
      (_key, value: unknown) =>
        value instanceof Uint8Array ? `<${value.byteLength} bytes>` : value,
      2,
    ),
  );
}
