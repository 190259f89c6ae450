import {
  ListPromptsResultSchema,
  ListResourcesResultSchema,
  ListResourceTemplatesResultSchema,
  ListToolsResultSchema,
  type Prompt,
  type Resource,
  type ResourceTemplate,
  type Tool,
} from '@modelcontextprotocol/sdk/types.js';
import type { z } from 'zod';

import type { UpstreamConnection } from './upstreamConnection.js';

/** Everything one target offers, as it listed it (upstream names, before any prefix). */
export interface TargetListing {
  readonly tools: readonly Tool[];
  readonly resources: readonly Resource[];
  readonly resourceTemplates: readonly ResourceTemplate[];
  readonly prompts: readonly Prompt[];
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

/**
 * Lists a target's tools, resources, resource templates and prompts in parallel, each only when
 * the target declared the capability, following `nextCursor` pages, each within the target's
 * `timeoutMs`.
 *
 * @throws Whatever the first failing list threw (the caller keeps the previous listing).
 */
export async function listTarget(connection: UpstreamConnection): Promise<TargetListing> {
  await connection.connect();
  const capabilities = connection.serverCapabilities ?? {};
  const list = listAll(connection);
  const [tools, resources, resourceTemplates, prompts] = await Promise.all([
    capabilities.tools ? list('tools/list', ListToolsResultSchema, (page) => page.tools) : [],
    capabilities.resources
      ? list('resources/list', ListResourcesResultSchema, (page) => page.resources)
      : [],
    capabilities.resources
      ? list(
          'resources/templates/list',
          ListResourceTemplatesResultSchema,
          (page) => page.resourceTemplates,
        )
      : [],
    capabilities.prompts
      ? list('prompts/list', ListPromptsResultSchema, (page) => page.prompts)
      : [],
  ]);
  return { tools, resources, resourceTemplates, prompts };
}

/** Lists one kind of item, following `nextCursor` pages (at most {@link MAX_PAGES}). */
function listAll(connection: UpstreamConnection) {
  return async <TPage extends z.ZodType<{ nextCursor?: string | undefined }>, TItem>(
    method: 'tools/list' | 'resources/list' | 'resources/templates/list' | 'prompts/list',
    schema: TPage,
    items: (page: z.output<TPage>) => TItem[],
  ): Promise<TItem[]> => {
    const all: TItem[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const result = await connection.request(
        { method, params: cursor === undefined ? {} : { cursor } },
        schema,
      );
      all.push(...items(result));
      cursor = result.nextCursor;
      if (cursor === undefined) break;
    }
    return all;
  };
}
