import type { AwsStringRule } from './awsStringRule.js';

/**
 * The AgentCore control-plane model's rules for the values core validates (runtime names, request
 * header allowlists, the JWT authorizer's claims). The patterns are copied from the
 * `bedrock-agentcore-control` Smithy model; each is a whole-value match.
 */
export const AGENTCORE_RULES = {
  /** `agentRuntimeName`. */
  runtimeName: {
    shape: 'bedrock-agentcore-control#AgentRuntimeName',
    modelPattern: '[a-zA-Z][a-zA-Z0-9_]{0,47}',
    pattern: /^[a-zA-Z][a-zA-Z0-9_]{0,47}$/,
    min: 1,
    max: 48,
  },
  /** Each `requestHeaderConfiguration.requestHeaderAllowlist` entry. */
  headerName: {
    shape: 'bedrock-agentcore-control#HeaderName',
    modelPattern: '[A-Za-z][A-Za-z0-9_-]{0,255}',
    pattern: /^[A-Za-z][A-Za-z0-9_-]{0,255}$/,
    min: 1,
    max: 256,
  },
  /**
   * `customClaims[].inboundTokenClaimName`. The model writes `[A-Za-z0-9_.-:]+`, where `.-:` is a
   * character RANGE (`.`, `/`, the digits and `:`), so `-` itself is not allowed; the anchored
   * pattern below spells out what that class matches.
   */
  claimName: {
    shape: 'bedrock-agentcore-control#InboundTokenClaimNameType',
    modelPattern: '[A-Za-z0-9_.-:]+ (that is: letters, digits, "_", ".", "/" and ":")',
    pattern: /^[A-Za-z0-9_./:]+$/,
    min: 1,
    max: 255,
  },
  /** `matchValueString` and each `matchValueStringList` item. */
  claimMatchValue: {
    shape: 'bedrock-agentcore-control#MatchValueString',
    modelPattern: '[A-Za-z0-9_.-]+',
    pattern: /^[A-Za-z0-9_.-]+$/,
    min: 1,
    max: 255,
  },
} as const satisfies Record<string, AwsStringRule>;
