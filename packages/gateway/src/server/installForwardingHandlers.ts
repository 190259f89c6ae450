import type {
  CompleteResult,
  GetPromptResult,
  InputRequiredResult,
  ReadResourceResult,
  Server,
  ServerContext,
} from '@modelcontextprotocol/server';

import type { Catalog } from '../catalog/buildCatalog.js';
import { GatewayError } from '../gatewayError.js';
import { downstreamCallOf } from './downstreamCallOf.js';
import { forwardToolCall, listTools, unknownToolMessage } from './forwardToolCall.js';
import { type ForwardingContext, forwardToTarget } from './forwardToTarget.js';
import { GATEWAY_STATUS_TOOL_NAME, gatewayStatusResult } from './gatewayStatusTool.js';

/**
 * Installs the gateway's MCP methods on a downstream SDK server: lists answered from the catalog,
 * and tools/call, resources/read, prompts/get, completion/complete and resource subscriptions
 * routed to the owning target with the upstream name restored. Progress notifications and
 * cancellation travel with each call; the caller's token is only passed to targets that opted in.
 * A 2026-07-28 client's retry of a multi round-trip call (`inputResponses`, `requestState`, which
 * the SDK lifts out of the params) is forwarded with them, to the same target as the first round.
 */
export function installForwardingHandlers(server: Server, context: ForwardingContext): void {
  server.setRequestHandler('tools/list', () => listTools(context));
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
    const forwarded = forwardToolCall(
      context,
      { ...request.params, ...roundOf(ctx) },
      downstreamCallOf(ctx),
    );
    if (forwarded === undefined) {
      throw new GatewayError('ERR_NOT_FOUND', unknownToolMessage(context, name)).toJsonRpc();
    }
    return forwarded;
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
      message: {
        method: 'prompts/get',
        params: { ...request.params, ...roundOf(ctx), name: route.name },
      },
      schema: undefined,
    }) as Promise<GetPromptResult | InputRequiredResult>;
  });

  server.setRequestHandler(
    'resources/read',
    async (request, ctx) =>
      forwardToTarget(context, resourceOwner(context.catalog(), request.params.uri), {
        call: downstreamCallOf(ctx),
        tool: '',
        message: { method: 'resources/read', params: { ...request.params, ...roundOf(ctx) } },
        schema: undefined,
      }) as Promise<ReadResourceResult | InputRequiredResult>,
  );
  for (const method of ['resources/subscribe', 'resources/unsubscribe'] as const) {
    server.setRequestHandler(
      method,
      async (request, ctx) =>
        forwardToTarget(context, resourceOwner(context.catalog(), request.params.uri), {
          call: downstreamCallOf(ctx),
          tool: '',
          message: { method, params: request.params },
          schema: undefined,
        }) as Promise<Record<string, never>>,
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
        schema: undefined,
      }) as Promise<CompleteResult>;
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
      schema: undefined,
    }) as Promise<CompleteResult>;
  });
}

/**
 * The multi round-trip fields of a 2026-07-28 client's retry, which the SDK lifts out of the
 * params: put back for the target that asked (nothing is allocated for an ordinary call).
 */
function roundOf(
  ctx: ServerContext,
): { inputResponses?: Record<string, unknown>; requestState?: string } | undefined {
  const { inputResponses } = ctx.mcpReq;
  const requestState = ctx.mcpReq.requestState<unknown>();
  if (inputResponses === undefined && requestState === undefined) return undefined;
  return {
    ...(inputResponses === undefined ? {} : { inputResponses }),
    ...(typeof requestState === 'string' ? { requestState } : {}),
  };
}

function resourceOwner(catalog: Catalog, uri: string): string {
  const owner =
    catalog.resourceRoutes.get(uri) ??
    catalog.templateRoutes.find((route) => route.template.match(uri) !== null)?.target;
  if (owner === undefined) {
    throw new GatewayError(
      'ERR_RESOURCE_NOT_FOUND',
      `Resource not found: "${uri}" is not served by any target; call resources/list or resources/templates/list`,
      { data: { uri } },
    ).toJsonRpc();
  }
  return owner;
}
