import type { AwsContext } from '../aws/awsContext.js';
import type { ManagedGateway } from './managedGateway.js';
import { MANAGED_GATEWAY_STATE_FILE, type ManagedTargetState } from './managedGatewayState.js';

/**
 * Prints what `register-managed` set up: the READY gateway and its URL, how to call it, how its
 * tools are named, and where it was recorded.
 *
 * @param context - The AWS context (its output).
 * @param input - The gateway, its targets and the state file (`undefined` when none was written).
 * @example
 * ```ts
 * reportManagedGateway(context, { gateway, targets, stateFile });
 * ```
 */
export function reportManagedGateway(
  context: AwsContext,
  input: {
    gateway: ManagedGateway;
    targets: readonly ManagedTargetState[];
    stateFile: string | undefined;
  },
): void {
  const { output } = context;
  const { gateway, targets } = input;
  output.result(
    `Gateway ${gateway.gatewayId} is READY with ${targets.length} target${targets.length === 1 ? '' : 's'}.`,
  );
  output.result(`  URL: ${gateway.gatewayUrl}`);
  output.result(
    `  Call it with a bearer token from the authorizer's issuer, e.g.: agentcore-mcp invoke --url ${gateway.gatewayUrl} --credentials .agentcore-mcp/cognito-credentials.json tools/list`,
  );
  const example = targets[0]?.name ?? '<target>';
  output.result(
    `  Tools are named <target>___<tool>, e.g. ${example}___<tool>; after a server's tools change run agentcore-mcp gateway sync`,
  );
  if (input.stateFile) output.result(`  Recorded in ${MANAGED_GATEWAY_STATE_FILE}`);
}
