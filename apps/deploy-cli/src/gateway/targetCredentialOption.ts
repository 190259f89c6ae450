import { findAwsStringProblem } from '@agentcore-mcp/core';

import { AWS_NAME_RULES } from '../aws/awsNameRules.js';
import { CliError } from '../errors.js';
import type { CredentialProviderKind } from '../identity/existingCredentialProvider.js';

/** An existing AgentCore Identity credential provider, as `--target-credential` names it. */
export interface CredentialProviderRef {
  readonly kind: CredentialProviderKind;
  readonly name: string;
  /** The ARN, when the flag gave one instead of the name. */
  readonly arn?: string | undefined;
}

/**
 * How the managed gateway authenticates to one non-runtime target (`--target-credential`): an
 * API key sent in a header, or OAuth client-credentials tokens with scopes.
 */
export type TargetCredentialSpec =
  | {
      readonly kind: 'api-key';
      readonly provider: CredentialProviderRef;
      /** The header the key goes in (`credentialParameterName`). Default `Authorization`. */
      readonly header: string;
    }
  | {
      readonly kind: 'oauth';
      readonly provider: CredentialProviderRef;
      /** The scopes to request (may be none). */
      readonly scopes: readonly string[];
    };

const USAGE =
  'expected <target>=api-key:<provider>[:<header>] or <target>=oauth:<provider>[:<scope>,<scope>…], where <provider> is the name or ARN of an AgentCore Identity credential provider';
/** `arn:<partition>:bedrock-agentcore:<region>:<account>:token-vault/<vault>/<type>/<name>`. */
const PROVIDER_ARN =
  /^arn:aws[a-z-]*:bedrock-agentcore:([a-z0-9-]+):\d{12}:token-vault\/[^/]+\/(oauth2credentialprovider|apikeycredentialprovider)\/([^/]+)$/;
/** An HTTP header name (RFC 9110 token). */
const HEADER_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const MAX_SCOPES = 100;

/**
 * Parses the repeated `register-managed --target-credential` flags: which existing credential
 * provider the managed gateway uses for which (non-runtime) target. `<target>` is the target's
 * name in the gateway config. `api-key:<provider>[:<header>]` sends the provider's key in
 * `<header>` (default `Authorization`, then with the prefix `Bearer `); `oauth:<provider>[:scopes]`
 * sends client-credentials tokens requested with the comma-separated scopes. A provider ARN must
 * be in the gateway's region and of the flag's kind.
 *
 * @param values - The flag's values, in order.
 * @param region - The managed gateway's region.
 * @returns Target config name → its credential.
 * @throws {@link CliError} `ERR_INVALID_INPUT`, one line naming the value, what is wrong and the
 *   expected form.
 * @example
 * ```ts
 * parseTargetCredentials(['search=api-key:brave-key:X-Subscription-Token'], 'us-east-1');
 * ```
 */
export function parseTargetCredentials(
  values: readonly string[],
  region: string,
): Map<string, TargetCredentialSpec> {
  const specs = new Map<string, TargetCredentialSpec>();
  for (const value of values) {
    const fail = (problem: string): CliError =>
      new CliError(
        'ERR_INVALID_INPUT',
        `--target-credential ${JSON.stringify(value)}: ${problem}; ${USAGE}`,
      );
    const match = /^([^=]+)=(api-key|oauth):(.+)$/.exec(value);
    if (match === null) throw fail('it is not in the expected form');
    const [, target = '', kind = '', rest = ''] = match;
    if (specs.has(target)) throw fail(`target ${target} has a credential already; give it once`);
    const { provider, extra } = splitProvider(rest);
    const ref = toProviderRef(kind === 'oauth' ? 'oauth2' : 'api-key', provider, { region, fail });
    if (kind === 'api-key') {
      const header = extra ?? 'Authorization';
      const problem = findAwsStringProblem(AWS_NAME_RULES.apiKeyParameterName, header);
      if (problem !== undefined) throw fail(`the header name "${header}": ${problem}`);
      if (!HEADER_TOKEN.test(header)) throw fail(`"${header}" is not an HTTP header name`);
      specs.set(target, { kind: 'api-key', provider: ref, header });
    } else {
      const scopes = (extra ?? '')
        .split(',')
        .map((scope) => scope.trim())
        .filter((scope) => scope !== '');
      if (scopes.length > MAX_SCOPES)
        throw fail(`it has ${scopes.length} scopes, at most ${MAX_SCOPES} are allowed`);
      for (const scope of scopes) {
        const problem = findAwsStringProblem(AWS_NAME_RULES.oauthScope, scope);
        if (problem !== undefined) throw fail(`the scope "${scope}": ${problem}`);
      }
      specs.set(target, { kind: 'oauth', provider: ref, scopes });
    }
  }
  return specs;
}

/**
 * The `credentialPrefix` an API key is sent with: `Bearer ` in the `Authorization` header, none in
 * any other header.
 *
 * @param header - The header the key goes in.
 * @returns The prefix, or `undefined`.
 * @example
 * ```ts
 * apiKeyPrefixOf('authorization'); // 'Bearer '
 * ```
 */
export function apiKeyPrefixOf(header: string): string | undefined {
  return header.toLowerCase() === 'authorization' ? 'Bearer ' : undefined;
}

/** `<name>[:<extra>]` or `<ARN>[:<extra>]` (an ARN has exactly six `:`-separated parts). */
function splitProvider(rest: string): { provider: string; extra?: string | undefined } {
  const parts = rest.split(':');
  const count = rest.startsWith('arn:') ? 6 : 1;
  const extra = parts.length > count ? parts.slice(count).join(':') : undefined;
  return { provider: parts.slice(0, count).join(':'), extra };
}

function toProviderRef(
  kind: CredentialProviderKind,
  provider: string,
  { region, fail }: { region: string; fail: (problem: string) => CliError },
): CredentialProviderRef {
  const wanted = kind === 'oauth2' ? 'oauth2credentialprovider' : 'apikeycredentialprovider';
  if (!provider.startsWith('arn:')) {
    const problem = findAwsStringProblem(AWS_NAME_RULES.credentialProviderName, provider);
    if (problem !== undefined) throw fail(`the provider name "${provider}": ${problem}`);
    return { kind, name: provider };
  }
  const arn = PROVIDER_ARN.exec(provider);
  if (arn === null) throw fail(`"${provider}" is not a credential provider ARN`);
  const [, arnRegion = '', type = '', name = ''] = arn;
  if (type !== wanted) {
    const words = (t: string) => (t === 'oauth2credentialprovider' ? 'an OAuth2' : 'an API key');
    throw fail(
      `"${provider}" is the ARN of ${words(type)} credential provider, not ${words(wanted)} one`,
    );
  }
  if (arnRegion !== region) {
    throw fail(`the provider is in ${arnRegion}, the gateway in ${region}; use one in ${region}`);
  }
  return { kind, name, arn: provider };
}
