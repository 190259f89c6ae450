import shared from '@agentcore-mcp/vitest-config';
import { defineConfig, mergeConfig } from 'vitest/config';

// Each test file gets its own module graph: aws-sdk-client-mock patches the AWS SDK clients it
// mocks, and the files that talk to cognito-local need the real ones.
export default mergeConfig(shared, defineConfig({ test: { isolate: true } }));
