import { McpServer, type Server } from '@modelcontextprotocol/server';

/**
 * What serves one request or one session: the SDK's high-level `McpServer` or its low-level
 * `Server` (which server-kit and the gateway use for their precompiled handlers).
 */
export type McpServerInstance = McpServer | Server;

/**
 * The low-level server of an instance: the one inside an `McpServer`, or the instance itself.
 *
 * @param instance - An `McpServer` or a `Server`.
 */
export function innerServer(instance: McpServerInstance): Server {
  return instance instanceof McpServer ? instance.server : instance;
}
