import { findAwsStringProblem } from '@agentcore-mcp/core';

import { AWS_NAME_RULES } from '../aws/awsNameRules.js';
import { CliError } from '../errors.js';

/**
 * Parses repeated `--outbound-oauth-provider <name>` flags: the AgentCore Identity OAuth2
 * credential providers the server's code takes tokens from. Each name must be one AgentCore
 * accepts (`AWS_NAME_RULES.credentialProviderName`); repeats are dropped. Whether the providers
 * exist is checked by `launch`, which has AWS credentials.
 *
 * @param names - The flag's values, in order.
 * @returns The names, or `undefined` when none were given.
 * @throws {@link CliError} `ERR_INVALID_INPUT` naming the value and the rule.
 * @example
 * ```ts
 * parseOutboundOauthProviders(['github', 'github']); // ['github']
 * ```
 */
export function parseOutboundOauthProviders(names: readonly string[]): string[] | undefined {
  if (names.length === 0) return undefined;
  const rule = AWS_NAME_RULES.credentialProviderName;
  for (const name of names) {
    const problem = findAwsStringProblem(rule, name);
    if (problem !== undefined) {
      throw new CliError(
        'ERR_INVALID_INPUT',
        `--outbound-oauth-provider ${JSON.stringify(name)}: ${problem}; pass the name of an AgentCore Identity OAuth2 credential provider (aws bedrock-agentcore-control list-oauth2-credential-providers)`,
      );
    }
  }
  return [...new Set(names)];
}
