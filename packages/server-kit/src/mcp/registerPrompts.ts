import { completable, type GetPromptResult, type McpServer } from '@modelcontextprotocol/server';
import * as z from 'zod';

import type { PromptArgsShape, PromptDefinition } from '../definitions/definePrompt.js';
import { type RegistrationScope, runWithContext } from './runWithContext.js';

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
  mcpServer: McpServer,
  { prompts, ...scope }: RegistrationScope & { prompts: readonly CompiledPrompt[] },
): void {
  for (const { definition: prompt, argsSchema } of prompts) {
    mcpServer.registerPrompt(
      prompt.name,
      {
        ...(prompt.title === undefined ? {} : { title: prompt.title }),
        ...(prompt.description === undefined ? {} : { description: prompt.description }),
        argsSchema: argsSchema ?? {},
      },
      (args: Record<string, string | undefined>, ctx) =>
        runWithContext(
          ctx,
          {
            ...scope,
            request: {
              method: 'prompts/get',
              target: prompt.name,
              arguments: args,
              loggerName: prompt.name,
            },
          },
          async (context) => toGetPromptResult(await prompt.render(args as never, context)),
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
    if (!completer) {
      shape[name] = schema;
      continue;
    }
    const completeArgument = (value: string, context?: { arguments?: Record<string, string> }) =>
      completer(value, { arguments: context?.arguments });
    // The SDK looks for the completion on the schema inside `.optional()`.
    shape[name] =
      schema instanceof z.ZodOptional
        ? completable(
            (schema.unwrap() as z.ZodType<string, string>).clone(),
            completeArgument,
          ).optional()
        : completable((schema as z.ZodType<string, string>).clone(), completeArgument);
  }
  return shape;
}

function toGetPromptResult(rendered: string | GetPromptResult): GetPromptResult {
  if (typeof rendered !== 'string') return rendered;
  return { messages: [{ role: 'user', content: { type: 'text', text: rendered } }] };
}
