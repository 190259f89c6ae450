import { JSON_RPC_CODES, JsonRpcError } from '@agentcore-mcp/core';
import {
  type McpServer,
  type ReadResourceResult,
  ResourceTemplate,
  type ServerContext,
  UriTemplate,
} from '@modelcontextprotocol/server';

import type {
  ResourceContent,
  ResourceDefinition,
  ResourceTemplateDefinition,
} from '../definitions/defineResource.js';
import type { ToolContext } from '../definitions/toolContext.js';
import { type RegistrationScope, runWithContext } from './runWithContext.js';

/**
 * Registers fixed resources and resource templates on an SDK `McpServer`, plus (2025 sessions)
 * `resources/subscribe` / `resources/unsubscribe`, which record subscriptions in the session
 * state. 2026-07-28 has no subscribe methods: clients use `subscriptions/listen`.
 */
export function registerResources(
  mcpServer: McpServer,
  {
    resources,
    templates,
    ...scope
  }: RegistrationScope & {
    resources: readonly ResourceDefinition[];
    templates: readonly ResourceTemplateDefinition[];
  },
): void {
  const read = (
    ctx: ServerContext,
    { uri, definition }: { uri: URL; definition: ResourceDefinition | ResourceTemplateDefinition },
    run: (context: ToolContext) => Promise<ResourceContent>,
  ) =>
    runWithContext(
      ctx,
      {
        ...scope,
        request: { method: 'resources/read', target: uri.href, loggerName: definition.name },
      },
      async (context) => toReadResourceResult(await run(context), uri, definition.mimeType),
    );
  for (const resource of resources) {
    mcpServer.registerResource(resource.name, resource.uri, metadataOf(resource), (uri, ctx) =>
      read(ctx, { uri, definition: resource }, (context) =>
        Promise.resolve(resource.read(uri, context)),
      ),
    );
  }
  for (const template of templates) {
    const list = template.list;
    const sdkTemplate = new ResourceTemplate(template.uriTemplate, {
      list: list ? async () => ({ resources: await list() }) : undefined,
      complete: template.complete,
    });
    mcpServer.registerResource(
      template.name,
      sdkTemplate,
      metadataOf(template),
      (uri, variables, ctx) =>
        read(ctx, { uri, definition: template }, (context) =>
          Promise.resolve(template.read(uri, variables, context)),
        ),
    );
  }
  if (resources.length + templates.length === 0 || scope.requestState) return;

  const known = (uri: string) =>
    resources.some((resource) => resource.uri === uri) ||
    templates.some((template) => new UriTemplate(template.uriTemplate).match(uri) !== null);
  const { server, state } = scope;
  server.setRequestHandler('resources/subscribe', ({ params }) => {
    if (!known(params.uri)) {
      throw new JsonRpcError(
        JSON_RPC_CODES.invalidParams,
        `Unknown resource "${params.uri}": call resources/list to see what can be subscribed to`,
      );
    }
    state.subscriptions.add(params.uri);
    return {};
  });
  server.setRequestHandler('resources/unsubscribe', ({ params }) => {
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
