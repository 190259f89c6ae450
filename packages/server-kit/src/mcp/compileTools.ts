import { AgentCoreMcpError } from '@agentcore-mcp/core';
import type { Tool } from '@modelcontextprotocol/server';
import * as z from 'zod';

import type { ToolDefinition, ZodShape } from '../definitions/defineTool.js';

const TOOL_NAME_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;

/** A tool with its schemas compiled once at start-up. */
export interface CompiledTool {
  readonly definition: ToolDefinition;
  readonly inputSchema: z.ZodObject;
  readonly outputSchema: z.ZodObject<ZodShape> | undefined;
  /** The entry this tool contributes to `tools/list`. */
  readonly listing: Tool;
}

/** Every tool of a server, indexed by name, plus the ready-made `tools/list` result. */
export interface CompiledTools {
  readonly byName: ReadonlyMap<string, CompiledTool>;
  /** Shared by every `tools/list` response; never mutate it. */
  readonly listing: Tool[];
  /**
   * `true` when an input schema maps an argument to an `Mcp-Param-*` header (`x-mcp-header`,
   * MCP 2026-07-28), which 2026-07-28 requests must then carry and the SDK checks.
   */
  readonly declaresParamHeaders: boolean;
}

/**
 * Validates tool names and converts every zod shape to JSON Schema once, so that neither
 * `tools/list` nor `tools/call` converts schemas per request.
 *
 * @throws {@link AgentCoreMcpError} `ERR_DUPLICATE_DEFINITION` for a repeated name,
 * `ERR_CONFIG_INVALID` for a name MCP clients would reject.
 */
export function compileTools(tools: readonly ToolDefinition[]): CompiledTools {
  const byName = new Map<string, CompiledTool>();
  for (const definition of tools) {
    if (!TOOL_NAME_PATTERN.test(definition.name)) {
      throw new AgentCoreMcpError(
        'ERR_CONFIG_INVALID',
        `Invalid tool name "${definition.name}": use 1-64 letters, digits, "_", "-" or "."`,
      );
    }
    if (byName.has(definition.name)) {
      throw new AgentCoreMcpError(
        'ERR_DUPLICATE_DEFINITION',
        `Tool "${definition.name}" is defined twice: give each tool a unique name`,
      );
    }
    byName.set(definition.name, compileTool(definition));
  }
  const listing = [...byName.values()].map((tool) => tool.listing);
  return {
    byName,
    listing,
    declaresParamHeaders: listing.some((tool) =>
      JSON.stringify(tool.inputSchema).includes('"x-mcp-header"'),
    ),
  };
}

function compileTool(definition: ToolDefinition): CompiledTool {
  const input = definition.input ?? {};
  const inputSchema = input instanceof z.ZodObject ? input : z.object(input);
  const outputSchema = definition.output ? z.object(definition.output) : undefined;
  const listing: Tool = {
    name: definition.name,
    ...(definition.title === undefined ? {} : { title: definition.title }),
    description: definition.description,
    inputSchema: toObjectJsonSchema(inputSchema, 'input'),
    ...(outputSchema ? { outputSchema: toObjectJsonSchema(outputSchema, 'output') } : {}),
    ...(definition.annotations ? { annotations: definition.annotations } : {}),
  };
  return { definition, inputSchema, outputSchema, listing };
}

function toObjectJsonSchema(schema: z.ZodObject, io: 'input' | 'output'): Tool['inputSchema'] {
  const jsonSchema = z.toJSONSchema(schema, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'any',
  });
  return { ...jsonSchema, type: 'object' } as Tool['inputSchema'];
}
