import type { JwtAuthorizerConfig } from '@agentcore-mcp/core';

/** One runtime the local emulator serves, as AgentCore would. */
export interface EmulatedRuntime {
  /** The runtime ARN clients address, e.g. `arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/demo-AbCdEf1234`. */
  arn: string;
  /** The endpoint name. Default: `DEFAULT`. */
  qualifier?: string;
  /** Where the MCP server listens, e.g. `http://127.0.0.1:8000/mcp`. */
  target: string;
  /** The runtime's customJWTAuthorizer. Default: none (AWS would use SigV4; the emulator lets requests in). */
  authorizer?: JwtAuthorizerConfig;
  /** Headers forwarded to the server besides the MCP protocol headers. Default: none. */
  requestHeaderAllowlist?: string[];
  /**
   * Resolves once the server accepts connections (`false` if it never did within the init limit);
   * requests wait for it, and get AgentCore's 424 when it failed. Read on every request, so a
   * getter can hand out a new promise while the server restarts (`dev`). Default: ready at once.
   */
  ready?: Promise<boolean>;
}
