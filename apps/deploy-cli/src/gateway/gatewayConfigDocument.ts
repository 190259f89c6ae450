import { writeFileSync } from 'node:fs';

import type { JwtAuthorizerConfig } from '@agentcore-mcp/core';
import type { GatewayConfigDocument, TargetEntry } from '@agentcore-mcp/gateway';

import type { SetupTarget } from './setupTargets.js';

/**
 * Builds a config document in our gateway's format (see packages/gateway/README.md): one
 * `mcpServers` entry per target and, with an authorizer, `gateway.auth.customJWTAuthorizer`.
 * Header values keep their `${VAR}` references, so the document holds no secret.
 *
 * @param targets - The targets, in order.
 * @param authorizer - The inbound JWT authorizer, or `undefined` for none.
 * @returns The document.
 * @example
 * ```ts
 * buildGatewayConfigDocument([{ kind: 'http', name: 'weather', url: 'https://w.example.com/mcp', headers: {} }], undefined);
 * // { mcpServers: { weather: { url: 'https://w.example.com/mcp' } } }
 * ```
 */
export function buildGatewayConfigDocument(
  targets: readonly SetupTarget[],
  authorizer: JwtAuthorizerConfig | undefined,
): GatewayConfigDocument {
  const mcpServers: Record<string, TargetEntry> = {};
  for (const target of targets) {
    mcpServers[target.name] =
      target.kind === 'http'
        ? {
            url: target.url,
            ...(Object.keys(target.headers).length > 0 ? { headers: { ...target.headers } } : {}),
          }
        : { command: target.command, args: [...target.args] };
  }
  return {
    mcpServers,
    ...(authorizer === undefined ? {} : { gateway: { auth: { customJWTAuthorizer: authorizer } } }),
  };
}

/**
 * Writes the document as indented JSON (mode 0644: it holds no secret).
 *
 * @param path - e.g. `gateway.json`.
 * @param document - From {@link buildGatewayConfigDocument}.
 */
export function writeGatewayConfigDocument(path: string, document: GatewayConfigDocument): void {
  writeFileSync(path, `${JSON.stringify(document, null, 2)}\n`, { mode: 0o644 });
}
