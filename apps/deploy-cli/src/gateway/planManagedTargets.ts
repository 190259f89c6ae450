import { CliError } from '../errors.js';
import type { GatewayConfigTarget } from './gatewayConfigFile.js';
import { toManagedName } from './managedName.js';
import type { ManagedTargetSpec } from './managedTargets.js';

/** Which config targets become managed `mcpServer` targets, and why the others do not. */
export interface ManagedTargetPlan {
  readonly register: readonly ManagedTargetSpec[];
  readonly skipped: readonly { readonly configName: string; readonly reason: string }[];
}

/**
 * Decides, before any AWS request, which targets of a gateway config AgentCore Gateway can call
 * as `mcpServer` targets: enabled HTTP targets on streamable HTTP at an https:// URL, without
 * outbound credentials. Stdio targets, legacy SSE, plain http:// and targets with headers, oauth or
 * forwardClientToken are skipped with the reason. Names are converted (`_` → `-`) and checked.
 *
 * @param targets - The config's targets.
 * @returns The plan.
 * @throws {@link CliError} `ERR_INVALID_INPUT` for a name AgentCore rejects, or two targets whose
 *   converted names collide.
 */
export function planManagedTargets(targets: readonly GatewayConfigTarget[]): ManagedTargetPlan {
  const register: ManagedTargetSpec[] = [];
  const skipped: { configName: string; reason: string }[] = [];
  for (const target of targets) {
    const reason = skipReason(target);
    if (reason !== undefined) {
      skipped.push({ configName: target.name, reason });
      continue;
    }
    if (target.kind !== 'http') continue;
    const name = toManagedName(target.name, `target "${target.name}"`);
    const clash = register.find((other) => other.name === name);
    if (clash !== undefined) {
      throw new CliError(
        'ERR_INVALID_INPUT',
        `Targets "${clash.configName}" and "${target.name}" would both be named "${name}" on AgentCore Gateway (underscores become hyphens); rename one of them`,
      );
    }
    register.push({ configName: target.name, name, endpoint: target.url });
  }
  return { register, skipped };
}

function skipReason(target: GatewayConfigTarget): string | undefined {
  if (target.disabled) return 'disabled in the config';
  if (target.kind === 'stdio') {
    return 'a stdio target cannot be a managed target (AgentCore Gateway only calls MCP servers over HTTPS); keep it behind our own gateway (gateway-service), or serve it over HTTPS';
  }
  if (target.transport === 'sse') {
    return 'legacy SSE: AgentCore Gateway calls MCP servers over streamable HTTP only';
  }
  if (!target.url.startsWith('https://')) {
    return `${target.url} is not https://: AgentCore Gateway calls MCP servers only at public https:// URLs`;
  }
  if (target.sendsCredentials) {
    return 'it sends credentials (headers, oauth or forwardClientToken); a managed target gets them from an AgentCore Identity credential provider, which register-managed does not create: add the target in the AgentCore console';
  }
  return undefined;
}
