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
 * the target declared the capability, following `nextCursor` pages.
 *
 * @throws Whatever the first failing list threw (the caller keeps the previous listing).
 */
export async function listTarget(
  connection: UpstreamConnection,
  timeoutMs: number,
): Promise<TargetListing> {
  await connection.connect();
  const capabilities = connection.serverCapabilities ?? {};
  const options = { timeout: timeoutMs };
  const pages = async <T>(
    list: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor?: string | undefined }>,
  ): Promise<T[]> => {
    const items: T[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const result = await list(cursor);
      items.push(...result.items);
      cursor = result.nextCursor;
      if (cursor === undefined) break;
    }
    return items;
  };
  const params = (cursor: string | undefined) => (cursor === undefined ? {} : { cursor });

  const [tools, resources, resourceTemplates, prompts] = await Promise.all([
    capabilities.tools
      ? pages(async (cursor) => {
          const result = await connection.request(
            { method: 'tools/list', params: params(cursor) },
            ListToolsResultSchema,
            options,
          );
          return { items: result.tools, nextCursor: result.nextCursor };
        })
      : [],
    capabilities.resources
      ? pages(async (cursor) => {
          const result = await connection.request(
            { method: 'resources/list', params: params(cursor) },
            ListResourcesResultSchema,
            options,
          );
          return { items: result.resources, nextCursor: result.nextCursor };
        })
      : [],
    capabilities.resources
      ? pages(async (cursor) => {
          const result = await connection.request(
            { method: 'resources/templates/list', params: params(cursor) },
            ListResourceTemplatesResultSchema,
            options,
          );
          return { items: result.resourceTemplates, nextCursor: result.nextCursor };
        })
      : [],
    capabilities.prompts
      ? pages(async (cursor) => {
          const result = await connection.request(
            { method: 'prompts/list', params: params(cursor) },
            ListPromptsResultSchema,
            options,
          );
          return { items: result.prompts, nextCursor: result.nextCursor };
        })
      : [],
  ]);
  return { tools, resources, resourceTemplates, prompts };
}
