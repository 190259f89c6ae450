/** A tool, as `tools/list` returns it (the fields `invoke` prints). */
export interface ListedTool {
  readonly name: string;
  readonly description?: string | undefined;
}

/** A resource, as `resources/list` returns it. */
export interface ListedResource {
  readonly uri: string;
  readonly name: string;
  readonly description?: string | undefined;
  readonly mimeType?: string | undefined;
}

/** A prompt, as `prompts/list` returns it. */
export interface ListedPrompt {
  readonly name: string;
  readonly description?: string | undefined;
  readonly arguments?: readonly { readonly name: string; readonly required?: boolean }[];
}

/** One content block of a tool result or prompt message: text, or anything else by type. */
interface ContentBlock {
  readonly type: string;
  readonly text?: string;
  readonly mimeType?: string;
  readonly uri?: string;
  readonly resource?: { readonly uri?: string; readonly text?: string };
}

/** One entry of `resources/read`'s `contents`: text, or a base64 blob. */
interface ResourceContents {
  readonly uri: string;
  readonly mimeType?: string | undefined;
  readonly text?: string;
  readonly blob?: string;
}

/**
 * `tools/list`, readably: `name  description`, one tool per line.
 *
 * @param tools - The tools.
 * @returns The lines.
 * @example
 * ```ts
 * formatTools([{ name: 'add', description: 'Add two numbers' }]); // ['add  Add two numbers']
 * ```
 */
export function formatTools(tools: readonly ListedTool[]): string[] {
  return tools.map((tool) => `${tool.name}  ${tool.description ?? ''}`.trimEnd());
}

/**
 * `resources/list`, readably: `uri  name  description`, one resource per line.
 *
 * @param resources - The resources.
 * @returns The lines.
 * @example
 * ```ts
 * formatResources([{ uri: 'docs://readme', name: 'readme' }]); // ['docs://readme  readme']
 * ```
 */
export function formatResources(resources: readonly ListedResource[]): string[] {
  return resources.map((resource) =>
    `${resource.uri}  ${resource.name}  ${resource.description ?? ''}`.trimEnd(),
  );
}

/**
 * `prompts/list`, readably: `name(arguments)  description`, optional arguments marked `?`.
 *
 * @param prompts - The prompts.
 * @returns The lines.
 * @example
 * ```ts
 * formatPrompts([{ name: 'review', arguments: [{ name: 'code', required: true }] }]); // ['review(code)']
 * ```
 */
export function formatPrompts(prompts: readonly ListedPrompt[]): string[] {
  return prompts.map((prompt) => {
    const args = (prompt.arguments ?? [])
      .map((argument) => `${argument.name}${argument.required === true ? '' : '?'}`)
      .join(', ');
    return `${prompt.name}(${args})  ${prompt.description ?? ''}`.trimEnd();
  });
}

/**
 * `resources/read`, readably: each text content as is; a binary one as `[blob <type>, N bytes]`.
 *
 * @param contents - The result's `contents`.
 * @returns The text to print.
 * @example
 * ```ts
 * formatResourceContents([{ uri: 'docs://readme', text: '# Hello' }]); // '# Hello'
 * ```
 */
export function formatResourceContents(contents: readonly ResourceContents[]): string {
  return contents
    .map(
      (content) =>
        content.text ??
        `[blob${content.mimeType ? ` ${content.mimeType}` : ''}, ${Buffer.from(content.blob ?? '', 'base64').byteLength} bytes]`,
    )
    .join('\n');
}

/**
 * `prompts/get`, readably: each message as `role: text`.
 *
 * @param messages - The result's `messages`.
 * @returns The lines.
 * @example
 * ```ts
 * formatPromptMessages([{ role: 'user', content: { type: 'text', text: 'Hi' } }]); // ['user: Hi']
 * ```
 */
export function formatPromptMessages(
  messages: readonly { readonly role: string; readonly content: unknown }[],
): string[] {
  return messages.map((message) => `${message.role}: ${formatContent([message.content])}`);
}

/**
 * Content blocks as text: text blocks as is, others as `[type mimeType]` or `[resource uri]`.
 *
 * @param content - A tool result's `content`, or a list of prompt message contents.
 * @returns The text, blocks on separate lines.
 * @example
 * ```ts
 * formatContent([{ type: 'text', text: '5' }]); // '5'
 * ```
 */
export function formatContent(content: unknown): string {
  const blocks = Array.isArray(content) ? (content as ContentBlock[]) : [];
  return blocks.map(formatBlock).join('\n');
}

function formatBlock(block: ContentBlock): string {
  if (block.type === 'text') return block.text ?? '';
  if (block.type === 'resource' && block.resource?.text !== undefined) return block.resource.text;
  const uri = block.uri ?? block.resource?.uri;
  if (uri !== undefined) return `[${block.type} ${uri}]`;
  return `[${block.type}${block.mimeType ? ` ${block.mimeType}` : ''}]`;
}
