import type { CallToolResult, ToolAnnotations } from '@modelcontextprotocol/server';
import type * as z from 'zod';

import type { ToolContext } from './toolContext.js';

/** A zod object shape: `{ a: z.number(), b: z.number() }`. */
export type ZodShape = Record<string, z.ZodType>;

/**
 * A tool's input: a zod object shape, or a zod object schema over that shape when the shape alone
 * cannot say it, e.g. `z.strictObject({ … })` to reject unknown keys (`additionalProperties: false`).
 */
export type ToolInput<TShape extends ZodShape = ZodShape> =
  TShape | z.ZodObject<TShape, z.core.$ZodObjectConfig>;

/** The parsed arguments a handler receives for an input shape. */
export type ToolArgs<TInput extends ZodShape> = z.output<z.ZodObject<TInput>>;

/**
 * What a tool handler may return. Strings become one text block; `undefined` no content; a full
 * `CallToolResult` (with a `content` array) is sent as is; with an `output` shape, the handler
 * returns the structured object; anything else is sent as JSON text.
 */
export type ToolReturn<TOutput extends ZodShape | undefined> = TOutput extends ZodShape
  ? z.input<z.ZodObject<TOutput>> | CallToolResult
  : string | number | boolean | object | undefined | CallToolResult;

/** A tool: its schema, its description for the model, and the function that runs it. */
export interface ToolDefinition<
  TInput extends ZodShape = ZodShape,
  TOutput extends ZodShape | undefined = ZodShape | undefined,
> {
  /** The tool's name, unique within the server: `[A-Za-z0-9_.-]{1,64}`. */
  name: string;
  /** A human-readable title for UIs. Default: none. */
  title?: string;
  /** What the tool does and when to use it; the model reads this. */
  description: string;
  /**
   * The arguments as a zod object shape, or a zod object schema such as `z.strictObject({ … })`.
   * Default: no arguments.
   */
  input?: ToolInput<TInput>;
  /** The structured result as a zod object shape; turns on `structuredContent`. Default: none. */
  output?: TOutput;
  /** MCP tool annotations (`readOnlyHint`, `destructiveHint`, …). Default: none. */
  annotations?: ToolAnnotations;
  /**
   * Runs the tool with validated arguments. Throw {@link ToolError} (or any error) to report a
   * failure to the model as an `isError` result.
   */
  handler(
    args: ToolArgs<TInput>,
    context: ToolContext,
  ): ToolReturn<TOutput> | Promise<ToolReturn<TOutput>>;
}

/**
 * Defines a tool with full type inference of its arguments from the zod shape.
 *
 * @param definition - The tool definition.
 * @returns The same definition, typed.
 * @example
 * ```ts
 * const addNumbers = defineTool({
 *   name: 'add_numbers',
 *   description: 'Add two numbers together',
 *   input: { a: z.number(), b: z.number() },
 *   handler: ({ a, b }) => a + b,
 * });
 * ```
 */
export function defineTool<
  TInput extends ZodShape = Record<never, never>,
  TOutput extends ZodShape | undefined = undefined,
>(definition: ToolDefinition<TInput, TOutput>): ToolDefinition<TInput, TOutput> {
  return definition;
}
