import { CliError } from '../errors.js';
import { readDiscoveryDocument } from './readDiscoveryDocument.js';

/**
 * Checks the authorizer's discovery URL at configure time, so a typo shows up now rather than as
 * 403s after launch.
 *
 * @param url - The authorizer's `discoveryUrl`.
 * @returns The document's `issuer` and `jwks_uri`.
 * @throws {@link CliError} `ERR_INVALID_INPUT` naming the URL and what went wrong, and pointing
 *   at `--skip-discovery-check` for offline use.
 * @example
 * ```ts
 * const { issuer } = await checkDiscoveryUrl(config.discoveryUrl);
 * ```
 */
export async function checkDiscoveryUrl(
  url: string,
): Promise<{ readonly issuer: string; readonly jwksUri: string }> {
  const found = await readDiscoveryDocument(url);
  if (found.ok) return { issuer: found.issuer, jwksUri: found.jwksUri };
  throw new CliError(
    'ERR_INVALID_INPUT',
    `The authorizer's discovery URL ${url} did not give an OpenID discovery document (${found.reason}): check discoveryUrl in --authorizer-config, or pass --skip-discovery-check when offline`,
    found.cause === undefined ? undefined : { cause: found.cause },
  );
}
