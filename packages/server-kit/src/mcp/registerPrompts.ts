import { completable } from '@modelcontextprotocol/sdk/server/completable.js';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { GetPromptResult } from '@modelcontextprotocol/sdk/types.js';
import type * as z from 'zod';

import type { PromptArgsShape, PromptDefinition } from '../definitions/definePrompt.js';
import { createToolContext } from './createToolContext.js';
import type { SessionState } from './sessionState.js';

/** A prompt whose argument schemas already carry their completions (built once at start-up). */
export interface CompiledPrompt {
  readonly definition: PromptDefinition;
  readonly argsSchema: PromptArgsShape | undefined;
}

/**
 * Attaches argument completions to copies of the prompts' schemas, once at start-up: the SDK's
 * `completable` marks the schema object itself and cannot mark it twice, and the caller's
 * definitions may be shared by several servers.
 */
export function compilePrompts(prompts: readonly PromptDefinition[]): CompiledPrompt[] {
  return prompts.map((definition) => ({
    definition,
    argsSchema: definition.args ? withCompletions(definition.args, definition.complete) : undefined,
  }));
}

/**
 * Registers compiled prompts on an SDK `McpServer`. A prompt without arguments gets an empty
 * `argsSchema` (listed as `arguments: []`): without one, the SDK would call the callback with the
 * request context alone, which its types do not say.
 */
export function registerPrompts(
  server: McpServer,
  { prompts, state }: { prompts: readonly CompiledPrompt[]; state: SessionState },
): void {
  for (const { definition: prompt, argsSchema } of prompts) {
    server.registerPrompt(
      prompt.name,
      {
        ...(prompt.title === undefined ? {} : { title: prompt.title }),
        ...(prompt.description === undefined ? {} : { description: prompt.description }),
        argsSchema: argsSchema ?? {},
      },
      async (args: Record<string, string | undefined>, extra) =>
        toGetPromptResult(
          await prompt.render(args as never, createToolContext(extra, state, prompt.name)),
        ),
    );
  }
}

function withCompletions(
  args: PromptArgsShape,
  complete: PromptDefinition['complete'],
): PromptArgsShape {
  if (!complete) return args;
  const shape: PromptArgsShape = {};
  for (const [name, schema] of Object.entries(args)) {
    const completer = complete[name];
    shape[name] = completer
      ? completable((schema as z.ZodType<string, string>).clone(), (value: string, context) =>
          completer(value, { arguments: context?.arguments }),
        )
      : schema;
  }
  return shape;
}

function toGetPromptResult(rendered: string | GetPromptResult): GetPromptResult {
  if (typeof rendered !== 'string') return rendered;
  return { messages: [{ role: 'user', content: { type: 'text', text: rendered } }] };
}
