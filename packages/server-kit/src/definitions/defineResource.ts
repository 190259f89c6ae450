import type { Annotations, ReadResourceResult } from '@modelcontextprotocol/server';

import type { ToolContext } from './toolContext.js';

/**
 * What a resource reader may return: text, bytes (sent base64 as a blob), or a full
 * `ReadResourceResult`.
 */
export type ResourceContent = string | Uint8Array | ReadResourceResult;

/** Fields shared by fixed resources and resource templates. */
interface ResourceMetadata {
  /** A short programmatic name. */
  name: string;
  /** A human-readable title. Default: none. */
  title?: string;
  /** What the resource holds. Default: none. */
  description?: string;
  /** The MIME type of its content. Default: `text/plain` for text, `application/octet-stream` for bytes. */
  mimeType?: string;
  /** MCP annotations (audience, priority). Default: none. */
  annotations?: Annotations;
}

/** A resource at a fixed URI. */
export interface ResourceDefinition extends ResourceMetadata {
  /** The resource's URI, e.g. `config://app`. */
  uri: string;
  /** Produces the resource's content. */
  read: (uri: URL, context: ToolContext) => ResourceContent | Promise<ResourceContent>;
}

/** A family of resources addressed by an RFC 6570 URI template. */
export interface ResourceTemplateDefinition extends ResourceMetadata {
  /** The URI template, e.g. `users://{id}/profile`. */
  uriTemplate: string;
  /** Produces the content of one resource; `variables` holds the template's values. */
  read: (
    uri: URL,
    variables: Record<string, string | string[]>,
    context: ToolContext,
  ) => ResourceContent | Promise<ResourceContent>;
  /** Lists concrete resources of this template for `resources/list`. Default: none listed. */
  list?: () =>
    | { uri: string; name: string; description?: string; mimeType?: string }[]
    | Promise<{ uri: string; name: string; description?: string; mimeType?: string }[]>;
  /** Completions per template variable, for `completion/complete`. Default: none. */
  complete?: Record<string, (value: string) => string[] | Promise<string[]>>;
}

/**
 * Defines a resource at a fixed URI.
 *
 * @param definition - The resource definition.
 * @returns The same definition, typed.
 * @example
 * ```ts
 * const readme = defineResource({ uri: 'docs://readme', name: 'readme', read: () => '# Hello' });
 * ```
 */
export function defineResource(definition: ResourceDefinition): ResourceDefinition {
  return definition;
}

/**
 * Defines a resource template.
 *
 * @param definition - The template definition.
 * @returns The same definition, typed.
 * @example
 * ```ts
 * const profile = defineResourceTemplate({
 *   uriTemplate: 'users://{id}/profile',
 *   name: 'user-profile',
 *   read: (_uri, { id }) => JSON.stringify({ id }),
 * });
 * ```
 */
export function defineResourceTemplate(
  definition: ResourceTemplateDefinition,
): ResourceTemplateDefinition {
  return definition;
}
