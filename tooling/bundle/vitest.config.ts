export { default } from '@agentcore-mcp/vitest-config';
