import { failConfig } from './configError.js';
import type { GatewayConfigDocument, TargetEntry } from './documentTypes.js';
import { parseJsonText } from './parseJsonText.js';
import { readTargetEntry } from './readTargetEntry.js';
import { readGatewaySection } from './resolveGatewaySection.js';
import { rootSchema } from './schema.js';
import { validate } from './validate.js';

/**
 * Reads a gateway configuration document WITHOUT expanding `${VAR}`s: for tools that inspect or
 * rewrite a document where its secrets are not set (the CLI's `gateway setup` and
 * `register-managed`). Checks what needs no environment: JSON, the root, every target's name and
 * shape (disabled ones included) and the `gateway` section, with core's `parseAuthorizerConfig`
 * for `gateway.auth`. Values that are only known after expansion (URLs, header values, prefixes
 * unique among enabled targets) are checked by {@link parseGatewayConfig}, which also expands.
 *
 * @param input - The document as an object or a JSON string.
 * @returns The document as written: no defaults applied, `${VAR}`s kept, a fresh object that
 *   `JSON.stringify` writes back.
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` with the same one-line messages as
 *   {@link parseGatewayConfig}: `Invalid gateway config: <key path>: <problem>`.
 * @example
 * ```ts
 * const document = parseGatewayConfigDocument(readFileSync('gateway.json', 'utf8'));
 * document.mcpServers.weather = { url: 'https://weather.example.com/mcp', headers: { Authorization: 'Bearer ${WEATHER_TOKEN}' } };
 * writeFileSync('gateway.json', `${JSON.stringify(document, null, 2)}\n`);
 * ```
 */
export function parseGatewayConfigDocument(input: unknown): GatewayConfigDocument {
  const root = readDocumentRoot(input);
  const mcpServers: Record<string, TargetEntry> = {};
  for (const [name, value] of Object.entries(root.mcpServers)) {
    mcpServers[name] = readTargetEntry(name, value);
  }
  return root.gateway === undefined
    ? { mcpServers }
    : { mcpServers, gateway: readGatewaySection(root.gateway) };
}

/**
 * Parses JSON text (or takes an object), checks the root and that `mcpServers` has a target.
 *
 * @internal Not part of the public API.
 * @returns `mcpServers` (values not yet checked) and `gateway` (not yet checked).
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID`.
 */
export function readDocumentRoot(input: unknown): {
  mcpServers: Record<string, unknown>;
  gateway?: unknown;
} {
  const document = typeof input === 'string' ? parseJsonText(input) : input;
  const root = validate(rootSchema, document, []);
  if (Object.keys(root.mcpServers).length === 0) {
    failConfig(
      ['mcpServers'],
      'expected at least one target, e.g. {"weather": {"url": "https://…/mcp"}}',
    );
  }
  return root;
}
