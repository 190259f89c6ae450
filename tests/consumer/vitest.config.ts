import shared from '@agentcore-mcp/vitest-config';
import { defineConfig, mergeConfig } from 'vitest/config';

// The consumer flow installs from npm and builds whole projects: minutes, not seconds. Files run
// one at a time so the npm installs and servers do not compete for the two cores of CI.
export default mergeConfig(
  shared,
  defineConfig({
    test: {
      globalSetup: ['test/support/globalSetup.ts'],
      fileParallelism: false,
      testTimeout: 300_000,
      hookTimeout: 300_000,
    },
  }),
);
