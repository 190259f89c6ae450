import { AgentCoreMcpError } from '@agentcore-mcp/core';
import {
  type Prompt,
  type Resource,
  type ResourceTemplateType as ResourceTemplate,
  type Tool,
  UriTemplate,
} from '@modelcontextprotocol/client';

import type { ToolNamePrefixMode } from '../config/types.js';
import { formatGatewayToolName, GATEWAY_TOOL_NAME_SEPARATOR } from '../toolNames.js';
import type { TargetListing } from '../upstream/listTarget.js';

/** One target's contribution to the catalog. */
export interface CatalogSource {
  /** The target name. */
  readonly target: string;
  /** Its tool/prompt prefix. */
  readonly prefix: string;
  /** Its allow/deny filter over upstream tool names. */
  readonly exposesTool: (name: string) => boolean;
  /** What it listed last (empty until it has been listed). */
  readonly listing: TargetListing;
  /** Whether it answers right now. */
  readonly healthy: boolean;
}

/** How {@link buildCatalog} names and shows things. */
export interface CatalogOptions {
  readonly prefixMode: ToolNamePrefixMode;
  /** Leave unhealthy targets' tools and prompts out of lists (`true`) or flag them (`false`). */
  readonly hideUnhealthy: boolean;
  /** Tool names the gateway serves itself (`gateway_status`); a target tool by that name loses. */
  readonly reservedToolNames: readonly string[];
}

/** Where an exposed tool or prompt name leads: a target and the upstream name. */
export interface CatalogRoute {
  readonly target: string;
  readonly name: string;
}

/** A name the catalog could not expose, and why. Reported in logs and `/status`, never fatal. */
export interface CatalogProblem {
  readonly kind: 'collision' | 'name-too-long';
  /** The exposed name (tool or prompt) or URI concerned. */
  readonly name: string;
  /** The target whose entry was left out. */
  readonly target: string;
  /** One line: what happened and how to fix it. */
  readonly message: string;
}

/** The aggregated view of every target: what lists return and where each name routes. */
export interface Catalog {
  readonly tools: readonly Tool[];
  readonly prompts: readonly Prompt[];
  readonly resources: readonly Resource[];
  readonly resourceTemplates: readonly ResourceTemplate[];
  /** Exposed tool name → target and upstream name; includes tools hidden for being unhealthy. */
  readonly toolRoutes: ReadonlyMap<string, CatalogRoute>;
  readonly promptRoutes: ReadonlyMap<string, CatalogRoute>;
  /** Resource URI → target. */
  readonly resourceRoutes: ReadonlyMap<string, string>;
  /** Resource templates in listing order, to match URIs that are not listed resources. */
  readonly templateRoutes: readonly {
    readonly template: UriTemplate;
    readonly uriTemplate: string;
    readonly target: string;
  }[];
  readonly problems: readonly CatalogProblem[];
}

/** The `_meta` key under which the gateway says which target an entry comes from. */
export const GATEWAY_META_KEY = 'agentcore-mcp/gateway';

/**
 * Aggregates the targets' listings into one catalog: tools and prompts renamed per the prefix
 * mode, filtered by each target's allow/deny lists, unhealthy targets hidden or flagged;
 * resources and templates keep their URIs. A name two targets would both expose goes to the
 * target listed first in the configuration; the other is left out and reported as a problem.
 */
export function buildCatalog(sources: readonly CatalogSource[], options: CatalogOptions): Catalog {
  const problems: CatalogProblem[] = [];
  const shown = (source: CatalogSource) => source.healthy || !options.hideUnhealthy;

  const tools: Tool[] = [];
  const toolRoutes = new Map<string, CatalogRoute>();
  const reserved = new Set(options.reservedToolNames);
  const toolCandidates = sources.map((source) => ({
    source,
    items: source.listing.tools.filter((tool) => source.exposesTool(tool.name)),
  }));
  const collidingTools = namesOfferedTwice(toolCandidates.map(({ items }) => items));
  for (const { source, items } of toolCandidates) {
    for (const tool of items) {
      const exposed = exposedName(source, tool.name, {
        options,
        colliding: collidingTools,
        problems,
        checkLength: true,
      });
      if (exposed === undefined) continue;
      const owner =
        toolRoutes.get(exposed)?.target ?? (reserved.has(exposed) ? 'the gateway' : undefined);
      if (owner !== undefined) {
        problems.push(
          collision({ name: exposed, target: source.target, owner: owner, what: 'tool' }),
        );
        continue;
      }
      toolRoutes.set(exposed, { target: source.target, name: tool.name });
      if (shown(source)) tools.push(present({ ...tool, name: exposed }, source));
    }
  }

  const prompts: Prompt[] = [];
  const promptRoutes = new Map<string, CatalogRoute>();
  const promptLists = sources.map((source) => ({ source, items: source.listing.prompts }));
  const collidingPrompts = namesOfferedTwice(promptLists.map(({ items }) => items));
  for (const { source, items } of promptLists) {
    for (const prompt of items) {
      const exposed = exposedName(source, prompt.name, {
        options,
        colliding: collidingPrompts,
        problems,
        checkLength: false,
      });
      if (exposed === undefined) continue;
      const owner = promptRoutes.get(exposed)?.target;
      if (owner !== undefined) {
        problems.push(
          collision({ name: exposed, target: source.target, owner: owner, what: 'prompt' }),
        );
        continue;
      }
      promptRoutes.set(exposed, { target: source.target, name: prompt.name });
      if (shown(source)) prompts.push(present({ ...prompt, name: exposed }, source));
    }
  }

  const resources: Resource[] = [];
  const resourceRoutes = new Map<string, string>();
  const resourceTemplates: ResourceTemplate[] = [];
  const templateRoutes: { template: UriTemplate; uriTemplate: string; target: string }[] = [];
  for (const source of sources) {
    for (const resource of source.listing.resources) {
      const owner = resourceRoutes.get(resource.uri);
      if (owner !== undefined) {
        problems.push(
          collision({ name: resource.uri, target: source.target, owner: owner, what: 'resource' }),
        );
        continue;
      }
      resourceRoutes.set(resource.uri, source.target);
      if (shown(source)) resources.push(present(resource, source));
    }
    for (const template of source.listing.resourceTemplates) {
      const owner = templateRoutes.find((route) => route.uriTemplate === template.uriTemplate);
      if (owner !== undefined) {
        problems.push(
          collision({
            name: template.uriTemplate,
            target: source.target,
            owner: owner.target,
            what: 'resource template',
          }),
        );
        continue;
      }
      templateRoutes.push({
        template: new UriTemplate(template.uriTemplate),
        uriTemplate: template.uriTemplate,
        target: source.target,
      });
      if (shown(source)) resourceTemplates.push(present(template, source));
    }
  }

  return {
    tools,
    prompts,
    resources,
    resourceTemplates,
    toolRoutes,
    promptRoutes,
    resourceRoutes,
    templateRoutes,
    problems,
  };
}

function namesOfferedTwice(lists: readonly (readonly { name: string }[])[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const list of lists) {
    for (const name of new Set(list.map((item) => item.name))) {
      if (seen.has(name)) twice.add(name);
      seen.add(name);
    }
  }
  return twice;
}

function exposedName(
  source: CatalogSource,
  name: string,
  context: {
    options: CatalogOptions;
    colliding: ReadonlySet<string>;
    problems: CatalogProblem[];
    checkLength: boolean;
  },
): string | undefined {
  const mode = context.options.prefixMode;
  const prefixed = mode === 'always' || (mode === 'on-collision' && context.colliding.has(name));
  if (!prefixed) return name;
  if (!context.checkLength) return `${source.prefix}${GATEWAY_TOOL_NAME_SEPARATOR}${name}`;
  try {
    return formatGatewayToolName(source.prefix, name);
  } catch (error) {
    if (!(error instanceof AgentCoreMcpError)) throw error;
    context.problems.push({
      kind: 'name-too-long',
      name: `${source.prefix}${GATEWAY_TOOL_NAME_SEPARATOR}${name}`,
      target: source.target,
      message: `${error.message} (target "${source.target}"; the tool is left out)`,
    });
    return undefined;
  }
}

function collision({
  name,
  target,
  owner,
  what,
}: {
  name: string;
  target: string;
  owner: string;
  what: string;
}): CatalogProblem {
  const fix =
    what === 'tool' || what === 'prompt'
      ? 'set "toolNamePrefix" to "always" or "on-collision", give the targets different prefixes, or deny the tool on one of them'
      : 'the first target in the configuration serves it';
  return {
    kind: 'collision',
    name,
    target,
    message: `${what} "${name}" of target "${target}" is already served by ${owner === 'the gateway' ? 'the gateway itself' : `target "${owner}"`}; it is left out: ${fix}`,
  };
}

function present<
  T extends { _meta?: Record<string, unknown> | undefined; description?: string | undefined },
>(item: T, source: CatalogSource): T {
  if (source.healthy) return item;
  return {
    ...item,
    description:
      `[unavailable: target "${source.target}" is unhealthy] ${item.description ?? ''}`.trimEnd(),
    _meta: { ...item._meta, [GATEWAY_META_KEY]: { target: source.target, healthy: false } },
  };
}
