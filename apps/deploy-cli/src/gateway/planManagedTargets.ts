import { CliError } from '../errors.js';
import type { GatewayConfigTarget } from './gatewayConfigFile.js';
import { toManagedName } from './managedName.js';
import type { ManagedTargetSpec } from './managedTargets.js';
import { parseRuntimeTargetUrl } from './runtimeTargetUrl.js';
import type { TargetCredentialSpec } from './targetCredentialOption.js';

/** Which config targets become managed `mcpServer` targets, and why the others do not. */
export interface ManagedTargetPlan {
  readonly register: readonly ManagedTargetSpec[];
  readonly skipped: readonly { readonly configName: string; readonly reason: string }[];
  /** One line per registered target whose config credentials the managed gateway replaces. */
  readonly notes: readonly string[];
}

/**
 * Decides, before any AWS request, which targets of a gateway config AgentCore Gateway can call
 * as `mcpServer` targets: enabled HTTP targets on streamable HTTP at an https:// URL. An AgentCore
 * Runtime invocation URL (in the gateway's region) is registered with the runtime's ARN, and the
 * managed gateway authenticates to it itself (IAM or OAuth, see `register-managed --target-auth`),
 * so its `Authorization` credentials in the config (an `Authorization` header, `oauth` or
 * `forwardClientToken`) are replaced, with a note. Other targets send no credentials, or those of
 * the credential provider `--target-credential` names for them (which replace the config's, with
 * a note). Stdio targets, legacy SSE, plain http://, targets with credentials but no
 * `--target-credential`, targets with headers a managed gateway cannot send, and runtimes in
 * another region are skipped with the reason. Names are converted (`_` → `-`) and checked.
 *
 * @param targets - The config's targets.
 * @param region - The managed gateway's region.
 * @param credentials - `--target-credential`, by target config name. Default: none.
 * @returns The plan.
 * @throws {@link CliError} `ERR_INVALID_INPUT` for a name AgentCore rejects, or two targets whose
 *   converted names collide.
 * @example
 * ```ts
 * const { register, skipped, notes } = planManagedTargets(config.targets, 'us-east-1');
 * ```
 */
export function planManagedTargets(
  targets: readonly GatewayConfigTarget[],
  region: string,
  credentials: ReadonlyMap<string, TargetCredentialSpec> = new Map(),
): ManagedTargetPlan {
  const register: ManagedTargetSpec[] = [];
  const skipped: { configName: string; reason: string }[] = [];
  const notes: string[] = [];
  for (const target of targets) {
    const reason = skipReason(target, region, credentials.get(target.name));
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
    const runtime = parseRuntimeTargetUrl(target.url)?.arn;
    register.push({
      configName: target.name,
      name,
      endpoint: target.url,
      ...(runtime === undefined ? {} : { runtime }),
    });
    if (runtime !== undefined && target.sendsCredentials) {
      notes.push(
        `Target ${target.name}: the managed gateway authenticates to runtime ${runtime.runtimeId} itself (--target-auth), so the config's Authorization credentials (header, oauth or forwardClientToken) are not used`,
      );
    }
    const credential = credentials.get(target.name);
    if (runtime === undefined && credential !== undefined && target.sendsCredentials) {
      notes.push(
        `Target ${target.name}: the managed gateway sends the credential of the provider ${credential.provider.name} (--target-credential), so the config's credentials (headers, oauth or forwardClientToken) are not used`,
      );
    }
  }
  return { register, skipped, notes };
}

function skipReason(
  target: GatewayConfigTarget,
  region: string,
  credential: TargetCredentialSpec | undefined,
): string | undefined {
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
  const runtime = parseRuntimeTargetUrl(target.url)?.arn;
  if (runtime === undefined) {
    if (credential === undefined) {
      return target.sendsCredentials
        ? `it sends credentials (headers, oauth or forwardClientToken); a managed target gets them from an AgentCore Identity credential provider: pass --target-credential ${target.name}=api-key:<provider>[:<header>] or --target-credential ${target.name}=oauth:<provider>[:<scopes>]`
        : undefined;
    }
    const carried =
      credential.kind === 'api-key' ? credential.header.toLowerCase() : 'authorization';
    const others = target.otherHeaders.filter((header) => header.toLowerCase() !== carried);
    return others.length > 0
      ? `it sends headers besides its credential (${others.join(', ')}), which a managed gateway cannot add; keep it behind our own gateway (gateway-service)`
      : undefined;
  }
  if (runtime.region !== region) {
    return `its runtime is in ${runtime.region} and the gateway in ${region}; register it on a gateway in ${runtime.region} (--region ${runtime.region})`;
  }
  if (target.otherHeaders.length > 0) {
    return `it sends headers besides Authorization (${target.otherHeaders.join(', ')}), which a managed gateway cannot add; keep it behind our own gateway (gateway-service)`;
  }
  return undefined;
}
