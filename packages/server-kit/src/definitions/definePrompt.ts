import type { GetPromptResult } from '@modelcontextprotocol/server';
import type * as z from 'zod';

import type { ToolContext } from './toolContext.js';

/** Prompt arguments are strings on the wire, so their schemas must accept strings. */
export type PromptArgsShape = Record<string, z.ZodType<string | undefined>>;

/** A prompt template the client can list and render. */
export interface PromptDefinition<TArgs extends PromptArgsShape = PromptArgsShape> {
  /** The prompt's name, unique within the server. */
  name: string;
  /** A human-readable title. Default: none. */
  title?: string;
  /** What the prompt is for. Default: none. */
  description?: string;
  /** The arguments as a zod shape of string schemas. Default: none. */
  args?: TArgs;
  /** Completions per argument, for `completion/complete`. Default: none. */
  complete?: {
    [K in keyof TArgs]?: (
      value: string,
      context: { arguments?: Record<string, string> },
    ) => string[] | Promise<string[]>;
  };
  /** Renders the prompt: a string becomes one user message; or return a full `GetPromptResult`. */
  render(
    args: z.output<z.ZodObject<TArgs>>,
    context: ToolContext,
  ): string | GetPromptResult | Promise<string | GetPromptResult>;
}

/**
 * Defines a prompt with typed arguments.
 *
 * @param definition - The prompt definition.
 * @returns The same definition, typed.
 * @example
 * ```ts
 * const review = definePrompt({
 *   name: 'review_code',
 *   args: { code: z.string() },
 *   render: ({ code }) => `Please review this code:\n${code}`,
 * });
 * ```
 */
export function definePrompt<TArgs extends PromptArgsShape = Record<never, never>>(
  definition: PromptDefinition<TArgs>,
): PromptDefinition<TArgs> {
  return definition;
}
