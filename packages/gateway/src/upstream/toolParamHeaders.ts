import { decodeMcpHeaderValue, encodeMcpHeaderValue } from '@agentcore-mcp/core';
import type { Tool } from '@modelcontextprotocol/client';

/** One `x-mcp-header` annotation: the argument's path and the header it is mirrored into. */
interface ParamHeader {
  readonly path: readonly string[];
  /** The full header name, `Mcp-Param-<name>`. */
  readonly header: string;
}

/** The outcome of scanning one tool's `inputSchema`. */
type ScanResult =
  | { readonly valid: true; readonly headers: readonly ParamHeader[] }
  | { readonly valid: false; readonly reason: string };

/** RFC 9110 `token`: what an `x-mcp-header` name may be. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const PRIMITIVE_TYPES = new Set(['string', 'integer', 'boolean']);
/** Subschema keywords an annotation must not sit under (only a chain of `properties` reaches it). */
const UNREACHABLE = [
  'items',
  'prefixItems',
  'contains',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'propertyNames',
  'patternProperties',
  'dependentSchemas',
  'oneOf',
  'anyOf',
  'allOf',
  'not',
  'if',
  'then',
  'else',
  '$defs',
  'definitions',
];
const MAPS = new Set(['patternProperties', 'dependentSchemas', '$defs', 'definitions']);

/** A number as a header may carry it (`42`, `-1.5`, `1e3`): compared with the argument as a number. */
const DECIMAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * The `Mcp-Param-*` headers of one target's tools (MCP 2026-07-28, SEP-2243): a tool argument
 * whose `inputSchema` property carries `"x-mcp-header": "Region"` is also sent as the header
 * `Mcp-Param-Region` (numbers and booleans as text, anything that is no plain ASCII in the base64
 * sentinel form). A tool with an invalid annotation (empty, not a token, on a non-primitive or
 * `number` property, repeated, or not reachable through `properties` alone) must not be called: it
 * is left out of the listing of a 2026-07-28 target. The same declarations check the headers a
 * 2026-07-28 client sends the gateway with a call to the tool ({@link ToolParamHeaders.mismatch}).
 *
 * The SDK's client does the same in `callTool()` and `listTools()` but exports neither piece, and
 * its server checks the headers only for an `McpServer` (the gateway's is a low-level `Server`);
 * the gateway forwards raw requests (no output validation, no response cache on its hot path), so
 * the rules are kept here, scanned once per listing.
 *
 * @example
 * ```ts
 * const { tools, excluded } = paramHeaders.update(listing.tools);
 * const headers = paramHeaders.headersFor('lookup', { region: 'us-west1' }); // { 'Mcp-Param-Region': 'us-west1' }
 * ```
 */
export class ToolParamHeaders {
  #byTool = new Map<string, readonly ParamHeader[]>();

  /**
   * Scans a fresh tools listing: remembers the annotated tools and drops the invalid ones.
   *
   * @param tools - The target's tools, as it listed them.
   * @returns The tools to keep, and each dropped tool's name with the reason.
   */
  update(tools: readonly Tool[]): {
    tools: Tool[];
    excluded: { readonly name: string; readonly reason: string }[];
  } {
    const byTool = new Map<string, readonly ParamHeader[]>();
    const kept: Tool[] = [];
    const excluded: { name: string; reason: string }[] = [];
    for (const tool of tools) {
      const scan = scanInputSchema(tool.inputSchema);
      if (!scan.valid) {
        excluded.push({ name: tool.name, reason: scan.reason });
        continue;
      }
      if (scan.headers.length > 0) byTool.set(tool.name, scan.headers);
      kept.push(tool);
    }
    this.#byTool = byTool;
    return { tools: kept, excluded };
  }

  /**
   * The headers of one `tools/call`: each annotated argument present and not `null`, as text.
   *
   * @param name - The upstream tool name.
   * @param args - The call's arguments.
   * @returns The headers, or `undefined` when the tool has none (most tools: no allocation).
   */
  headersFor(name: string, args: unknown): Record<string, string> | undefined {
    const headers = this.#byTool.get(name);
    if (headers === undefined) return undefined;
    const out: Record<string, string> = {};
    for (const { path, header } of headers) {
      const text = toHeaderText(valueAt(args, path));
      if (text !== undefined) out[header] = encodeMcpHeaderValue(text);
    }
    return out;
  }

  /**
   * Checks the `Mcp-Param-*` headers a 2026-07-28 client sent with a `tools/call` against its
   * arguments, as SEP-2243 asks of the server that receives them: for each argument the tool maps
   * to a header that the call carries as a string, integer or boolean, the header must be there and
   * decode to the same value (integers compared as numbers, so `42.0` is `42`). An argument that is
   * absent or `null` expects no header; headers for arguments the tool does not map are ignored.
   *
   * @param name - The tool's name as the target lists it.
   * @param args - The call's `arguments`.
   * @param header - Reads a request header by its lower-case name.
   * @returns What disagrees, in words (one line), or `undefined` when the headers match.
   * @example
   * ```ts
   * paramHeaders.mismatch('lookup', { region: 'us-west1' }, () => undefined);
   * // 'the Mcp-Param-Region header is missing, but arguments.region is "us-west1"'
   * ```
   */
  mismatch(
    name: string,
    args: unknown,
    header: (name: string) => string | undefined,
  ): string | undefined {
    for (const { path, header: headerName } of this.#byTool.get(name) ?? []) {
      const value = valueAt(args, path);
      const text = toHeaderText(value);
      if (text === undefined) continue;
      const where = `arguments.${path.join('.')} is ${JSON.stringify(value)}`;
      const field = header(headerName.toLowerCase());
      if (field === undefined) return `the ${headerName} header is missing, but ${where}`;
      const sent = decodeMcpHeaderValue(field);
      if (sent === undefined) {
        return `the ${headerName} header is not canonical base64 of UTF-8 inside =?base64?…?=`;
      }
      const same =
        typeof value === 'number' && DECIMAL.test(sent) ? Number(sent) === value : sent === text;
      if (!same) return `the ${headerName} header says ${JSON.stringify(sent)}, but ${where}`;
    }
    return undefined;
  }
}

function scanInputSchema(schema: unknown): ScanResult {
  const headers: ParamHeader[] = [];
  const seen = new Map<string, string>();
  let numberFault: string | undefined;
  const visit = (node: unknown, path: string[], reachable: boolean): string | undefined => {
    if (node === null || typeof node !== 'object') return undefined;
    const schemaNode = node as Record<string, unknown>;
    const where = path.length === 0 ? '<root>' : path.join('.');
    if ('x-mcp-header' in schemaNode) {
      const name = schemaNode['x-mcp-header'];
      if (!reachable || path.length === 0) {
        return `${where}: x-mcp-header is only allowed on properties reached through "properties"`;
      }
      if (typeof name !== 'string' || name === '')
        return `${where}: x-mcp-header must not be empty`;
      if (!TOKEN.test(name)) return `${where}: x-mcp-header "${name}" is not an HTTP token`;
      const type = typeof schemaNode.type === 'string' ? schemaNode.type : undefined;
      if (type === undefined || !PRIMITIVE_TYPES.has(type)) {
        const fault = `${where}: x-mcp-header is only allowed on string, integer and boolean properties, not ${type ?? 'untyped'} ones`;
        if (type !== 'number') return fault;
        numberFault ??= fault;
      }
      const earlier = seen.get(name.toLowerCase());
      if (earlier !== undefined) return `x-mcp-header "${name}" repeats "${earlier}"`;
      seen.set(name.toLowerCase(), name);
      headers.push({ path, header: `Mcp-Param-${name}` });
    }
    const properties = schemaNode.properties;
    if (properties !== null && typeof properties === 'object') {
      for (const [key, child] of Object.entries(properties)) {
        const fault = visit(child, [...path, key], reachable);
        if (fault !== undefined) return fault;
      }
    }
    for (const keyword of UNREACHABLE) {
      const sub = schemaNode[keyword];
      if (sub === undefined) continue;
      const branches = Array.isArray(sub)
        ? (sub as unknown[])
        : MAPS.has(keyword) && sub !== null && typeof sub === 'object'
          ? Object.values(sub)
          : [sub];
      for (const branch of branches) {
        const fault = visit(branch, [...path, `<${keyword}>`], false);
        if (fault !== undefined) return fault;
      }
    }
    return undefined;
  };
  const fault = visit(schema, [], true) ?? numberFault;
  return fault === undefined ? { valid: true, headers } : { valid: false, reason: fault };
}

function valueAt(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** A primitive argument as header text; `undefined` (no header) for anything else. */
function toHeaderText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number' && Number.isFinite(value)) {
    return Number.isInteger(value) && !Number.isSafeInteger(value) ? undefined : String(value);
  }
  return undefined;
}
