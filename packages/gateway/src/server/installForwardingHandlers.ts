import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  type CallToolResult,
  type ClientRequest,
  CompleteRequestSchema,
  CompleteResultSchema,
  EmptyResultSchema,
  GetPromptRequestSchema,
  GetPromptResultSchema,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  type Progress,
  ReadResourceRequestSchema,
  ReadResourceResultSchema,
  SetLevelRequestSchema,
  SubscribeRequestSchema,
  UnsubscribeRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';

import type { Catalog } from '../catalog/buildCatalog.js';
import { GatewayError } from '../gatewayError.js';
import { clientTokenContext, clientTokenOf } from '../upstream/clientTokenContext.js';
import type { DownstreamCall } from '../upstream/inFlightCalls.js';
import type { TargetRuntime } from '../upstream/targetRuntime.js';
import type { UpstreamConnection } from '../upstream/upstreamConnection.js';
import {
  GATEWAY_STATUS_TOOL,
  GATEWAY_STATUS_TOOL_NAME,
  gatewayStatusResult,
} from './gatewayStatusTool.js';
import type { SessionUpstreams } from './sessionUpstreams.js';
import type { StatelessCancellation } from './statelessCancellation.js';

/**
 * A forwarded tools/call result is taken as it comes: the downstream SDK server validates every
 * tools/call result against `CallToolResultSchema` before it answers, so parsing it here as well
 * would only do that work twice on the gateway's busiest path.
 */
const FORWARDED_CALL_TOOL_RESULT = z.custom<CallToolResult>(
  (value) => typeof value === 'object' && value !== null,
);

/** What the handlers read from the running gateway. */
export interface ForwardingContext {
  /** The current catalog (it changes as targets are re-listed). */
  catalog(): Catalog;
  target(name: string): TargetRuntime | undefined;
  /** The status the `gateway_status` tool reports. */
  status(): Parameters<typeof gatewayStatusResult>[0];
  /** Stateful mode: this session's own upstream sessions; stateless: `undefined` (shared ones). */
  session: SessionUpstreams | undefined;
  /** Stateless mode: joins a client's cancellation to the call it cancels; stateful: `undefined`. */
  cancellation?: StatelessCancellation | undefined;
}

/**
 * Installs the gateway's MCP methods on a downstream SDK server: lists answered from the catalog,
 * and tools/call, resources/read, prompts/get, completion/complete and resource subscriptions
 * routed to the owning target with the upstream name restored. Progress notifications and
 * cancellation travel with each call; the caller's token is only passed to targets that opted in.
 */
export function installForwardingHandlers(server: Server, context: ForwardingContext): void {
  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: [...context.catalog().tools, GATEWAY_STATUS_TOOL],
  }));
  server.setRequestHandler(ListResourcesRequestSchema, () => ({
    resources: [...context.catalog().resources],
  }));
  server.setRequestHandler(ListResourceTemplatesRequestSchema, () => ({
    resourceTemplates: [...context.catalog().resourceTemplates],
  }));
  server.setRequestHandler(ListPromptsRequestSchema, () => ({
    prompts: [...context.catalog().prompts],
  }));
  server.setRequestHandler(SetLevelRequestSchema, async ({ params }) => {
    await context.session?.setLogLevel(params.level);
    return {};
  });

  server.setRequestHandler(CallToolRequestSchema, async (request, call) => {
    const { name } = request.params;
    if (name === GATEWAY_STATUS_TOOL_NAME) return gatewayStatusResult(context.status());
    const route = context.catalog().toolRoutes.get(name);
    if (route === undefined) {
      throw new GatewayError(
        'ERR_NOT_FOUND',
        `Unknown tool "${name}": call tools/list to see the ${context.catalog().tools.length + 1} available tools`,
      ).toJsonRpc();
    }
    return forward(context, route.target, {
      call,
      tool: route.name,
      request: { method: 'tools/call', params: { ...request.params, name: route.name } },
      schema: FORWARDED_CALL_TOOL_RESULT,
    });
  });

  server.setRequestHandler(GetPromptRequestSchema, async (request, call) => {
    const route = context.catalog().promptRoutes.get(request.params.name);
    if (route === undefined) {
      throw new GatewayError(
        'ERR_NOT_FOUND',
        `Unknown prompt "${request.params.name}": call prompts/list to see the available prompts`,
      ).toJsonRpc();
    }
    return forward(context, route.target, {
      call,
      tool: route.name,
      request: { method: 'prompts/get', params: { ...request.params, name: route.name } },
      schema: GetPromptResultSchema,
    });
  });

  server.setRequestHandler(ReadResourceRequestSchema, async (request, call) =>
    forward(context, resourceOwner(context.catalog(), request.params.uri), {
      call,
      tool: '',
      request: { method: 'resources/read', params: request.params },
      schema: ReadResourceResultSchema,
    }),
  );
  server.setRequestHandler(SubscribeRequestSchema, async (request, call) =>
    forward(context, resourceOwner(context.catalog(), request.params.uri), {
      call,
      tool: '',
      request: { method: 'resources/subscribe', params: request.params },
      schema: EmptyResultSchema,
    }),
  );
  server.setRequestHandler(UnsubscribeRequestSchema, async (request, call) =>
    forward(context, resourceOwner(context.catalog(), request.params.uri), {
      call,
      tool: '',
      request: { method: 'resources/unsubscribe', params: request.params },
      schema: EmptyResultSchema,
    }),
  );

  server.setRequestHandler(CompleteRequestSchema, async (request, call) => {
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
      return forward(context, route.target, {
        call,
        tool: route.name,
        request: {
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
    return forward(context, owner, {
      call,
      tool: '',
      request: { method: 'completion/complete', params: request.params },
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

/** Sends one request to its target on the right session, with progress, cancellation and timeout. */
async function forward<T extends z.ZodType>(
  context: ForwardingContext,
  targetName: string,
  forwarded: { call: DownstreamCall; tool: string; request: ClientRequest; schema: T },
): Promise<z.output<T>> {
  const target = context.target(targetName);
  if (target === undefined) {
    throw new GatewayError('ERR_NOT_FOUND', `Unknown target "${targetName}"`).toJsonRpc();
  }
  const { call, request, schema } = forwarded;
  const downstreamToken = call._meta?.progressToken;
  const { progressToken: _ignored, ...meta } = request.params?._meta ?? {};
  const params = { ...request.params, _meta: Object.keys(meta).length > 0 ? meta : undefined };
  const onprogress =
    downstreamToken === undefined
      ? undefined
      : (progress: Progress) =>
          void call
            .sendNotification({
              method: 'notifications/progress',
              params: { ...progress, progressToken: downstreamToken },
            })
            .catch(() => undefined);
  const connection: UpstreamConnection | undefined = await context.session?.connectionTo(target);
  const tracked = context.cancellation?.track(call);
  const signal = tracked?.signal ?? call.signal;
  try {
    return await target.forward(
      { method: request.method, tool: forwarded.tool, signal },
      (upstream) =>
        upstream.inFlight.around(call, () =>
          clientTokenContext.run(clientTokenOf(call), () =>
            upstream.request({ ...request, params } as ClientRequest, schema, {
              signal,
              timeout: target.config.timeoutMs,
              resetTimeoutOnProgress: true,
              ...(onprogress ? { onprogress } : {}),
            }),
          ),
        ),
      connection,
    );
  } catch (error) {
    if (error instanceof GatewayError) throw error.toJsonRpc();
    throw error;
  } finally {
    tracked?.release();
  }
}
