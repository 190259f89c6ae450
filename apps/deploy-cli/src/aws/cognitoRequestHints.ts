import { type AwsRequestHints, UNREACHABLE_ERRORS } from './awsRequestHints.js';

/** Where the request went, as a hint says it: the local endpoint, or Cognito in the region. */
const where = ({ endpoint, region }: { endpoint?: string | undefined; region: string }): string =>
  endpoint ?? `Cognito in ${region}`;

/**
 * The hints of the Cognito commands (`setup-cognito`, `token`): their requests may go to a local
 * server (`--endpoint`, e.g. cognito-local) and they take no `--profile`, so the network and
 * credentials hints differ from `AWS_REQUEST_HINTS`; Cognito's own error names get their own.
 * Messages read `Cognito <Operation> failed: …`.
 */
export const COGNITO_REQUEST_HINTS: AwsRequestHints = {
  label: ({ operation }) => `Cognito ${operation}`,
  rules: [
    {
      errors: UNREACHABLE_ERRORS,
      hint: ({ endpoint, region }) =>
        endpoint
          ? `cannot reach ${endpoint}; is the local server (e.g. cognito-local) running, and is --endpoint right?`
          : `cannot reach Cognito in ${region}; check your network, proxy and the region`,
    },
    {
      errors:
        /^(CredentialsProviderError|UnrecognizedClientException|InvalidSignatureException|ExpiredTokenException|InvalidClientTokenId)$/,
      hint: 'no usable AWS credentials; set AWS_PROFILE (after aws sso login or aws configure) or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or pass --endpoint for a local server',
    },
    {
      errors: /^AccessDenied/,
      hint: ({ operation }) =>
        `your AWS identity is not allowed cognito-idp:${operation}; ask for a policy that allows it`,
    },
    {
      errors: ['InvalidPasswordException'],
      hint: "the pool's password policy rejected the generated password; relax the policy",
    },
    {
      errors: ['NotAuthorizedException'],
      hint: ({ operation }) =>
        `your AWS identity may not be allowed cognito-idp:${operation}; check its policy`,
    },
    {
      errors: ['ResourceNotFoundException', 'UserNotFoundException'],
      hint: (request) =>
        `it does not exist at ${where(request)} (deleted, or another region or endpoint?); run agentcore-mcp setup-cognito again`,
    },
    {
      errors: ['InvalidParameterException'],
      hint: 'Cognito rejected a value; check --pool-name, --client-name and --username',
    },
    {
      errors: ['Unsupported'],
      hint: (request) =>
        `${where(request)} (cognito-local) does not implement ${request.operation}; --m2m needs a hosted domain, a resource server and client_credentials on /oauth2/token, so run it against AWS Cognito`,
    },
    {
      errors: ['TooManyRequestsException', 'LimitExceededException'],
      hint: 'Cognito throttled the request or a quota was reached; wait a moment and retry',
    },
  ],
};
