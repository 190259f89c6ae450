import { connectAgentCore } from '@agentcore-mcp/client';
import { expandConfigVariables } from '@agentcore-mcp/gateway';

import { readCliVersion } from '../version.js';

/** What testing one HTTP target found. */
export type ProbeTargetResult =
  | { readonly ok: true; readonly tools: readonly string[] }
  | { readonly ok: false; readonly reason: string };

/** Options of {@link probeTarget}. */
export interface ProbeTargetOptions {
  /** The MCP endpoint. */
  readonly url: string;
  /** Header name → value, with `${VAR}`s expanded from `env` before sending. Default: none. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** Where `${VAR}`s come from. */
  readonly env: NodeJS.ProcessEnv;
  /** The longest wait for each response, in milliseconds. Default: 10000. */
  readonly timeoutMs?: number | undefined;
}

/**
 * Tests an HTTP MCP target the way the gateway will use it: a real MCP connect (`server/discover`,
 * falling back to `initialize` for a 2025-only target: `connectAgentCore`'s `auto` mode) and
 * `tools/list` over streamable HTTP (the MCP SDK client, through `connectAgentCore`), with the
 * target's headers, no retries, and at most `timeoutMs` per response.
 *
 * @param options - URL, headers, environment and timeout.
 * @returns The tool names, or why the target failed, as one line. It never throws.
 * @example
 * ```ts
 * const result = await probeTarget({ url: 'http://127.0.0.1:8000/mcp', env: process.env });
 * if (result.ok) console.log(result.tools.join(', '));
 * ```
 */
export async function probeTarget(options: ProbeTargetOptions): Promise<ProbeTargetResult> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    const expanded = expandConfigVariables(value, options.env);
    if (!expanded.ok) {
      return {
        ok: false,
        reason: `header ${name} needs environment variable ${expanded.missing}, which is not set; set it to test the target`,
      };
    }
    headers[name] = expanded.value;
  }
  try {
    const client = await connectAgentCore({
      url: options.url,
      headers,
      timeoutMs: options.timeoutMs ?? 10_000,
      retries: { maxAttempts: 1 },
      clientInfo: { name: 'agentcore-mcp-gateway-setup', version: readCliVersion() },
    });
    try {
      const { tools } = await client.listTools();
      return { ok: true, tools: tools.map((tool) => tool.name) };
    } finally {
      await client.close();
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: message.replace(/\s*\n\s*/g, ' ').trim() || 'unknown error' };
  }
}
