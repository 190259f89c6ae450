import { CliError } from '../errors.js';
import { requireRegion } from './requireRegion.js';

/** Where Cognito requests go: an AWS region, and optionally a local server instead of AWS. */
export interface CognitoTarget {
  /** The AWS region, e.g. `us-east-1`. */
  region: string;
  /** An origin to send requests to instead of AWS, e.g. `http://127.0.0.1:9229`. Default: AWS. */
  endpoint?: string;
}

/** What the command line gave; each value falls back to the environment. */
export interface ResolveCognitoTargetOptions {
  /** `--region`. Default: `AWS_REGION`, then `AWS_DEFAULT_REGION`. */
  region?: string;
  /** `--endpoint`. Default: `AGENTCORE_MCP_COGNITO_ENDPOINT`, else AWS. */
  endpoint?: string;
}

/** The environment variable that points the Cognito commands at a local server. */
export const COGNITO_ENDPOINT_ENV = 'AGENTCORE_MCP_COGNITO_ENDPOINT';

/**
 * Picks the region and endpoint for Cognito calls: flags first, then the environment.
 *
 * @param options - The `--region` and `--endpoint` flags.
 * @param env - The process environment.
 * @returns The region and the endpoint without a trailing slash.
 * @throws `ERR_INVALID_REGION` when no region is given anywhere or it is not a region code;
 *   {@link CliError} `ERR_INVALID_ENDPOINT` when the endpoint is not an http(s) origin.
 * @example
 * ```ts
 * resolveCognitoTarget({ endpoint: 'http://127.0.0.1:9229/' }, { AWS_REGION: 'us-east-1' });
 * // { region: 'us-east-1', endpoint: 'http://127.0.0.1:9229' }
 * ```
 */
export function resolveCognitoTarget(
  options: ResolveCognitoTargetOptions,
  env: NodeJS.ProcessEnv,
): CognitoTarget {
  const region = requireRegion(options.region, env);
  const endpoint = options.endpoint ?? nonEmpty(env[COGNITO_ENDPOINT_ENV]);
  return endpoint === undefined ? { region } : { region, endpoint: parseEndpoint(endpoint) };
}

/** An empty environment variable counts as unset. */
function nonEmpty(value: string | undefined): string | undefined {
  return value === '' ? undefined : value;
}

function parseEndpoint(endpoint: string): string {
  let url: URL | undefined;
  try {
    url = new URL(endpoint);
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol) || url.search || url.hash) {
    throw new CliError(
      'ERR_INVALID_ENDPOINT',
      `Invalid endpoint "${endpoint}": expected an http(s) URL such as http://127.0.0.1:9229`,
    );
  }
  return url.href.replace(/\/+$/, '');
}
