/**
 * Joins the text blocks of a `tools/call` result, the way a person reads it.
 *
 * @param result - What `client.callTool` returned (a `CallToolResult` has a `content` array).
 * @returns The text of every text block, concatenated.
 * @example
 * ```ts
 * expect(toolText(await client.callTool({ name: 'echo_message', arguments: { message: 'hi' } }))).toBe('Echo: hi');
 * ```
 */
export function toolText(result: object): string {
  const content = 'content' in result ? result.content : undefined;
  const blocks = Array.isArray(content) ? (content as { type?: string; text?: string }[]) : [];
  return blocks
    .filter((block) => block.type === 'text')
    .map((block) => block.text ?? '')
    .join('');
}
