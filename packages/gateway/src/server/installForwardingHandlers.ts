import {
  type CallToolResult,
  CompleteResultSchema,
  EmptyResultSchema,
  GetPromptResultSchema,
  ReadResourceResultSchema,
} from '@modelcontextprotocol/sdk/types.js';
import type { Server, Tool } from '@modelcontextprotocol/server';
import { z } from 'zod';

import type { Catalog } from '../catalog/buildCatalog.js';
import { GatewayError } from '../gatewayError.js';
import { downstreamCallOf } from './downstreamCallOf.js';
import { type ForwardingContext, forwardToTarget } from './forwardToTarget.js';
import {
  GATEWAY_STATUS_TOOL,
  GATEWAY_STATUS_TOOL_NAME,
  gatewayStatusResult,
} from './gatewayStatusTool.js';

/**
 * A forwarded tools/call result is taken as it comes: the downstream SDK server validates every
 * tools/call result against `CallToolResultSchema` before it answers, so parsing it here as well
 * would only do that work twice on the gateway's busiest path.
 */
const FORWARDED_CALL_TOOL_RESULT = z.custom<CallToolResult>(
  (value) => typeof value === 'object' && value !== null,
);

/**
 * Installs the gateway's MCP methods on a downstream SDK server: lists answered from the catalog,
 * and tools/call, resources/read, prompts/get, completion/complete and resource subscriptions
 * routed to the owning target with the upstream name restored. Progress notifications and
 * cancellation travel with each call; the caller's token is only passed to targets that opted in.
 */
export function installForwardingHandlers(server: Server, context: ForwardingContext): void {
  server.setRequestHandler('tools/list', () => ({
    // The catalog holds the targets' own tools/list entries, typed by the upstream client's SDK;
    // the downstream server's SDK types the same JSON more narrowly.
    tools: [...context.catalog().tools, GATEWAY_STATUS_TOOL] as unknown as Tool[],
  }));
  server.setRequestHandler('resources/list', () => ({
    resources: [...context.catalog().resources],
  }));
  server.setRequestHandler('resources/templates/list', () => ({
    resourceTemplates: [...context.catalog().resourceTemplates],
  }));
  server.setRequestHandler('prompts/list', () => ({
    prompts: [...context.catalog().prompts],
  }));
  server.setRequestHandler('logging/setLevel', async ({ params }) => {
    await context.session?.setLogLevel(params.level);
    return {};
  });

  server.setRequestHandler('tools/call', async (request, ctx) => {
    const { name } = request.params;
    if (name === GATEWAY_STATUS_TOOL_NAME) return gatewayStatusResult(context.status());
    const route = context.catalog().toolRoutes.get(name);
    if (route === undefined) {
      throw new GatewayError(
        'ERR_NOT_FOUND',
        `Unknown tool "${name}": call tools/list to see the ${context.catalog().tools.length + 1} available tools`,
      ).toJsonRpc();
    }
    return forwardToTarget(context, route.target, {
      call: downstreamCallOf(ctx),
      tool: route.name,
      message: { method: 'tools/call', params: { ...request.params, name: route.name } },
      schema: FORWARDED_CALL_TOOL_RESULT,
    });
  });

  server.setRequestHandler('prompts/get', async (request, ctx) => {
    const route = context.catalog().promptRoutes.get(request.params.name);
    if (route === undefined) {
      throw new GatewayError(
        'ERR_NOT_FOUND',
        `Unknown prompt "${request.params.name}": call prompts/list to see the available prompts`,
      ).toJsonRpc();
    }
    return forwardToTarget(context, route.target, {
      call: downstreamCallOf(ctx),
      tool: route.name,
      message: { method: 'prompts/get', params: { ...request.params, name: route.name } },
      schema: GetPromptResultSchema,
    });
  });

  server.setRequestHandler('resources/read', async (request, ctx) =>
    forwardToTarget(context, resourceOwner(context.catalog(), request.params.uri), {
      call: downstreamCallOf(ctx),
      tool: '',
      message: { method: 'resources/read', params: request.params },
      schema: ReadResourceResultSchema,
    }),
  );
  for (const method of ['resources/subscribe', 'resources/unsubscribe'] as const) {
    server.setRequestHandler(method, async (request, ctx) =>
      forwardToTarget(context, resourceOwner(context.catalog(), request.params.uri), {
        call: downstreamCallOf(ctx),
        tool: '',
        message: { method, params: request.params },
        schema: EmptyResultSchema,
      }),
    );
  }

  server.setRequestHandler('completion/complete', async (request, ctx) => {
    const call = downstreamCallOf(ctx);
    const catalog = context.catalog();
    const { ref } = request.params;
    if (ref.type === 'ref/prompt') {
      const route = catalog.promptRoutes.get(ref.name);
      if (route === undefined) {
        throw new GatewayError(
          'ERR_NOT_FOUND',
          `Unknown prompt "${ref.name}" in completion/complete: call prompts/list to see the available prompts`,
        ).toJsonRpc();
      }
      return forwardToTarget(context, route.target, {
        call,
        tool: route.name,
        message: {
          method: 'completion/complete',
          params: { ...request.params, ref: { ...ref, name: route.name } },
        },
        schema: CompleteResultSchema,
      });
    }
    const owner =
      catalog.templateRoutes.find((route) => route.uriTemplate === ref.uri)?.target ??
      catalog.resourceRoutes.get(ref.uri);
    if (owner === undefined) {
      throw new GatewayError(
        'ERR_RESOURCE_NOT_FOUND',
        `Unknown resource template "${ref.uri}" in completion/complete: call resources/templates/list`,
      ).toJsonRpc();
    }
    return forwardToTarget(context, owner, {
      call,
      tool: '',
      message: { method: 'completion/complete', params: request.params },
      schema: CompleteResultSchema,
    });
  });
}

function resourceOwner(catalog: Catalog, uri: string): string {
  const owner =
    catalog.resourceRoutes.get(uri) ??
    catalog.templateRoutes.find((route) => route.template.match(uri) !== null)?.target;
  if (owner === undefined) {
    throw new GatewayError(
      'ERR_RESOURCE_NOT_FOUND',
      `Resource not found: "${uri}" is not served by any target; call resources/list or resources/templates/list`,
    ).toJsonRpc();
  }
  return owner;
}
