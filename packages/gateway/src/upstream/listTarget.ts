import type {
  ClientRequest,
  Prompt,
  Resource,
  ResourceTemplateType as ResourceTemplate,
  Tool,
} from '@modelcontextprotocol/client';

import type { ToolParamHeaders } from './toolParamHeaders.js';
import type { UpstreamConnection } from './upstreamConnection.js';

/** Everything one target offers, as it listed it (upstream names, before any prefix). */
export interface TargetListing {
  readonly tools: readonly Tool[];
  readonly resources: readonly Resource[];
  readonly resourceTemplates: readonly ResourceTemplate[];
  readonly prompts: readonly Prompt[];
}

/** A listing, and the tools left out of it for an invalid `x-mcp-header` annotation. */
export interface ListTargetResult {
  readonly listing: TargetListing;
  readonly excluded: readonly { readonly name: string; readonly reason: string }[];
}

/** An empty listing, for a target that has not been listed yet. */
export const EMPTY_LISTING: TargetListing = {
  tools: [],
  resources: [],
  resourceTemplates: [],
  prompts: [],
};

/** Pages past this many are not followed: a target that never stops paginating is a bug. */
const MAX_PAGES = 100;

type ListMethod = 'tools/list' | 'resources/list' | 'resources/templates/list' | 'prompts/list';

/**
 * Lists a target's tools, resources, resource templates and prompts in parallel, each only when
 * the target declared the capability, following `nextCursor` pages, each within the target's
 * `timeoutMs`. On a 2026-07-28 HTTP target, tools whose `x-mcp-header` annotations are invalid are
 * left out (a client must not call them) and the others' `Mcp-Param-*` headers are remembered.
 *
 * @param connection - The session to list on.
 * @param paramHeaders - The target's `Mcp-Param-*` headers, updated from the tools listed.
 * @returns The listing and the tools left out.
 * @throws Whatever the first failing list threw (the caller keeps the previous listing).
 * @example
 * ```ts
 * const { listing, excluded } = await listTarget(connection, paramHeaders);
 * ```
 */
export async function listTarget(
  connection: UpstreamConnection,
  paramHeaders: ToolParamHeaders,
): Promise<ListTargetResult> {
  await connection.connect();
  const capabilities = connection.serverCapabilities ?? {};
  const list = listAll(connection);
  const [listedTools, resources, resourceTemplates, prompts] = await Promise.all([
    capabilities.tools ? list<Tool>('tools/list', 'tools') : [],
    capabilities.resources ? list<Resource>('resources/list', 'resources') : [],
    capabilities.resources
      ? list<ResourceTemplate>('resources/templates/list', 'resourceTemplates')
      : [],
    capabilities.prompts ? list<Prompt>('prompts/list', 'prompts') : [],
  ]);
  // Scanned on every target: the gateway checks its own 2026-07-28 clients' `Mcp-Param-*` headers
  // by these declarations whatever the target speaks, and an HTTP target may be spoken to in
  // 2026-07-28 later. Tools are only left out where they would be called in that revision.
  const scanned = paramHeaders.update(listedTools);
  const { tools, excluded } =
    connection.era === 'modern' && connection.transportKind === 'http'
      ? scanned
      : { tools: listedTools, excluded: [] };
  return { listing: { tools, resources, resourceTemplates, prompts }, excluded };
}

/** Lists one kind of item, following `nextCursor` pages (at most {@link MAX_PAGES}). */
function listAll(connection: UpstreamConnection) {
  return async <TItem>(method: ListMethod, key: string): Promise<TItem[]> => {
    const all: TItem[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const message = { method, params: cursor === undefined ? {} : { cursor } } as ClientRequest;
      const result = (await connection.request(message, undefined)) as Record<string, unknown>;
      all.push(...((result[key] as TItem[] | undefined) ?? []));
      cursor = typeof result.nextCursor === 'string' ? result.nextCursor : undefined;
      if (cursor === undefined) break;
    }
    return all;
  };
}
