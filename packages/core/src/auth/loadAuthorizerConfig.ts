import { readFileSync } from 'node:fs';

import { AgentCoreMcpError } from '../errors.js';
import { type JwtAuthorizerConfig, parseAuthorizerConfig } from './authorizerConfig.js';

/**
 * Reads an authorizer configuration the way apps receive it in env `AUTHORIZER_CONFIG`: inline
 * JSON (`{"customJWTAuthorizer":{…}}`, as `agentcore-mcp setup-cognito` writes it) or the path of
 * a file holding it. Empty or unset means "no auth".
 *
 * @param value - The env value.
 * @returns The parsed configuration, or `undefined` when `value` is empty.
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` for an unreadable file or a bad document.
 * @example
 * ```ts
 * const jwt = loadAuthorizerConfig(process.env.AUTHORIZER_CONFIG);
 * createAgentCoreServer({ name, version, tools, ...(jwt ? { auth: { jwt } } : {}) });
 * ```
 */
export function loadAuthorizerConfig(value: string | undefined): JwtAuthorizerConfig | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (text.startsWith('{')) return parseAuthorizerConfig(text);
  let content: string;
  try {
    content = readFileSync(text, 'utf8');
  } catch (error) {
    throw new AgentCoreMcpError(
      'ERR_CONFIG_INVALID',
      `Cannot read the authorizer config file "${text}": ${(error as NodeJS.ErrnoException).code ?? 'read failed'}; set AUTHORIZER_CONFIG to inline JSON or an existing file`,
      { cause: error },
    );
  }
  return parseAuthorizerConfig(content);
}
