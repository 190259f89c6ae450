import { GATEWAY_CONFIG_DEFAULTS } from './defaults.js';
import type { HttpTargetEntry } from './documentTypes.js';
import type { HttpTargetTransport } from './types.js';

/**
 * Guesses the transport of an MCP URL that names none: legacy SSE when its path ends in `/sse`
 * (the convention of HTTP+SSE servers), else Streamable HTTP.
 *
 * @param url - The endpoint, parsed or as text (a text that is no URL is judged by its path part,
 *   so `https://${HOST}/sse` is SSE too).
 * @returns `sse` or `streamable-http`.
 * @example
 * ```ts
 * guessHttpTransport('https://legacy.example.com/sse'); // 'sse'
 * guessHttpTransport('https://weather.example.com/mcp'); // 'streamable-http'
 * ```
 */
export function guessHttpTransport(url: string | URL): HttpTargetTransport {
  const path =
    typeof url !== 'string'
      ? url.pathname
      : URL.canParse(url)
        ? new URL(url).pathname
        : (url.split(/[?#]/, 1)[0] ?? '');
  return path.endsWith('/sse') ? 'sse' : GATEWAY_CONFIG_DEFAULTS.target.transport;
}

/**
 * The transport an http target entry asks for: its `transport`, else its `type` (`http` meaning
 * Streamable HTTP), else {@link guessHttpTransport} of its URL. (`parseGatewayConfig` also rejects
 * an entry whose `transport` and `type` disagree; here `transport` wins.)
 *
 * @param entry - An `mcpServers` entry with `url`, as written.
 * @returns `sse` or `streamable-http`.
 * @example
 * ```ts
 * httpTransportOf({ url: 'https://x.example.com/mcp', type: 'sse' }); // 'sse'
 * ```
 */
export function httpTransportOf(
  entry: Pick<HttpTargetEntry, 'url' | 'type' | 'transport'>,
): HttpTargetTransport {
  if (entry.transport !== undefined) return entry.transport;
  if (entry.type !== undefined) return entry.type === 'sse' ? 'sse' : 'streamable-http';
  return guessHttpTransport(entry.url);
}
