import type { JWTPayload } from 'jose';

import { AgentCoreMcpError } from '../../errors.js';
import { quoteInput } from '../../internal/quoteInput.js';
import type { JwtAuthorizerConfig } from '../authorizerConfig.js';
import { formatList } from './formatList.js';
import { readAudience, readString } from './readClaims.js';

/**
 * Checks `client_id` against `allowedClients` and `aud` against `allowedAudience`. With both lists
 * configured, either match is enough (AWS does not document AND vs OR); with neither, any client
 * passes.
 *
 * @internal Not part of the public API.
 * @param payload - The verified claims.
 * @param config - The authorizer config.
 * @throws {@link AgentCoreMcpError} `ERR_TOKEN_WRONG_CLIENT` when no configured list matches.
 * @example
 * ```ts
 * checkAllowedClient({ client_id: 'abc' }, { discoveryUrl, allowedClients: ['abc'] });
 * ```
 */
export function checkAllowedClient(payload: JWTPayload, config: JwtAuthorizerConfig): void {
  const { allowedClients, allowedAudience } = config;
  if (allowedClients === undefined && allowedAudience === undefined) return;
  const clientId = readString(payload, 'client_id');
  const audience = readAudience(payload);
  if (allowedClients !== undefined && clientId !== undefined && allowedClients.includes(clientId))
    return;
  if (allowedAudience?.some((value) => audience.includes(value))) return;

  const client =
    clientId === undefined
      ? 'Token has no "client_id" claim'
      : `Token client ${quoteInput(clientId)}`;
  const aud =
    audience.length === 0 ? 'Token has no "aud" claim' : `Token audience ${formatList(audience)}`;
  let message: string;
  if (allowedAudience === undefined) {
    message = `${client}${clientId === undefined ? '' : ' is not allowed'}: expected one of ${formatList(allowedClients ?? [])}`;
  } else if (allowedClients === undefined) {
    message = `${aud}${audience.length === 0 ? '' : ' is not allowed'}: expected one of ${formatList(allowedAudience)}`;
  } else {
    message = `Token client ${clientId === undefined ? '(none)' : quoteInput(clientId)} and audience ${formatList(audience)} are not allowed: expected client_id in ${formatList(allowedClients)} or aud in ${formatList(allowedAudience)}`;
  }
  throw new AgentCoreMcpError('ERR_TOKEN_WRONG_CLIENT', message);
}
