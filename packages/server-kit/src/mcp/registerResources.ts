import { JSON_RPC_CODES, JsonRpcError } from '@agentcore-mcp/core';
import { type McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { UriTemplate } from '@modelcontextprotocol/sdk/shared/uriTemplate.js';
import {
  type ReadResourceResult,
  SubscribeRequestSchema,
  UnsubscribeRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';

import type {
  ResourceContent,
  ResourceDefinition,
  ResourceTemplateDefinition,
} from '../definitions/defineResource.js';
import { createToolContext } from './createToolContext.js';
import type { SessionState } from './sessionState.js';

/**
 * Registers fixed resources and resource templates on an SDK `McpServer`, plus
 * `resources/subscribe` / `resources/unsubscribe`, which record subscriptions in the session state.
 */
export function registerResources(
  server: McpServer,
  {
    resources,
    templates,
    state,
  }: {
    resources: readonly ResourceDefinition[];
    templates: readonly ResourceTemplateDefinition[];
    state: SessionState;
  },
): void {
  for (const resource of resources) {
    server.registerResource(resource.name, resource.uri, metadataOf(resource), async (uri, extra) =>
      toReadResourceResult(
        await resource.read(uri, createToolContext(extra, state, resource.name)),
        uri,
        resource.mimeType,
      ),
    );
  }
  for (const template of templates) {
    const list = template.list;
    const sdkTemplate = new ResourceTemplate(template.uriTemplate, {
      list: list ? async () => ({ resources: await list() }) : undefined,
      complete: template.complete,
    });
    server.registerResource(
      template.name,
      sdkTemplate,
      metadataOf(template),
      async (uri, variables, extra) =>
        toReadResourceResult(
          await template.read(uri, variables, createToolContext(extra, state, template.name)),
          uri,
          template.mimeType,
        ),
    );
  }
  if (resources.length + templates.length === 0) return;

  const known = (uri: string) =>
    resources.some((resource) => resource.uri === uri) ||
    templates.some((template) => new UriTemplate(template.uriTemplate).match(uri) !== null);
  server.server.setRequestHandler(SubscribeRequestSchema, ({ params }) => {
    if (!known(params.uri)) {
      throw new JsonRpcError(
        JSON_RPC_CODES.invalidParams,
        `Unknown resource "${params.uri}": call resources/list to see what can be subscribed to`,
      );
    }
    state.subscriptions.add(params.uri);
    return {};
  });
  server.server.setRequestHandler(UnsubscribeRequestSchema, ({ params }) => {
    state.subscriptions.delete(params.uri);
    return {};
  });
}

function metadataOf(resource: ResourceDefinition | ResourceTemplateDefinition) {
  return {
    ...(resource.title === undefined ? {} : { title: resource.title }),
    ...(resource.description === undefined ? {} : { description: resource.description }),
    ...(resource.mimeType === undefined ? {} : { mimeType: resource.mimeType }),
    ...(resource.annotations === undefined ? {} : { annotations: resource.annotations }),
  };
}

function toReadResourceResult(
  content: ResourceContent,
  uri: URL,
  mimeType: string | undefined,
): ReadResourceResult {
  if (typeof content === 'string') {
    return { contents: [{ uri: uri.href, mimeType: mimeType ?? 'text/plain', text: content }] };
  }
  if (content instanceof Uint8Array) {
    return {
      contents: [
        {
          uri: uri.href,
          mimeType: mimeType ?? 'application/octet-stream',
          blob: Buffer.from(content).toString('base64'),
        },
      ],
    };
  }
  return content;
}
