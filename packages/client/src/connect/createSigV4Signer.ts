import { Sha256 } from '@aws-crypto/sha256-js';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';

/** AWS credentials, as every AWS SDK v3 credential provider resolves them. */
export interface AwsCredentialIdentity {
  /** The access key id, e.g. `AKIA…`. */
  accessKeyId: string;
  /** The secret access key. */
  secretAccessKey: string;
  /** The session token of temporary credentials. */
  sessionToken?: string;
  /** When temporary credentials expire. */
  expiration?: Date;
}

/** A function resolving AWS credentials, e.g. `fromIni()` or `fromNodeProviderChain()`. */
export type AwsCredentialIdentityProvider = () => Promise<AwsCredentialIdentity>;

/** The SigV4 signing name of the AgentCore data plane. */
export const AGENTCORE_SIGNING_SERVICE = 'bedrock-agentcore';

/** Signs one request's headers; see {@link createSigV4Signer}. */
export type SignRequest = (
  url: URL,
  init: { method: string; headers: Headers; body?: string },
) => Promise<Headers>;

/**
 * Creates a SigV4 signer for the AgentCore data plane (service `bedrock-agentcore`) that signs
 * method, path, query, headers and body, as `InvokeAgentRuntime` over HTTPS requires.
 *
 * @param region - The signing region, e.g. the ARN's.
 * @param credentials - Static credentials or a provider. Default: the Node.js default chain
 *   (environment, SSO, shared ini files, web identity, ECS/EC2 metadata).
 * @returns A function returning the headers to send: the input plus `authorization`,
 *   `x-amz-date`, `x-amz-content-sha256` and, for temporary credentials, `x-amz-security-token`.
 */
export function createSigV4Signer(
  region: string,
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider,
): SignRequest {
  const signer = new SignatureV4({
    service: AGENTCORE_SIGNING_SERVICE,
    region,
    credentials: credentials ?? defaultProvider(),
    sha256: Sha256,
  });
  return async (url, init) => {
    const headers: Record<string, string> = { host: url.host };
    init.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const query: Record<string, string> = {};
    url.searchParams.forEach((value, name) => {
      query[name] = value;
    });
    const request = new HttpRequest({
      method: init.method,
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port === '' ? undefined : Number(url.port),
      path: url.pathname,
      query,
      headers,
      body: init.body,
    });
    const signed = await signer.sign(request);
    const result = new Headers();
    for (const [name, value] of Object.entries(signed.headers)) {
      // fetch sets Host from the URL itself; the signed value is identical.
      if (name.toLowerCase() !== 'host') result.set(name, value);
    }
    return result;
  };
}
