import { defineConfig } from 'vitest/config';

/**
 * The shared vitest configuration: tests live in `test/**` and mirror `src/`, run in node, and get
 * generous timeouts because many suites spawn real processes on 127.0.0.1.
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    restoreMocks: true,
    unstubEnvs: true,
    // Test files share their worker's module graph: the suites start real processes and keep no
    // module state between files, and re-importing the SDK and AWS SDK per file was a third of
    // the suite's CPU on 2 cores.
    isolate: false,
    // Under CI up to 3 suites share 2 cores (pnpm check), so a process start can take ten times longer.
    testTimeout: process.env.CI ? 90_000 : 30_000,
    hookTimeout: process.env.CI ? 120_000 : 60_000,
    // CI machines have 2 cores; spawned servers compete with the workers for them.
    maxWorkers: process.env.CI ? 2 : undefined,
  },
});
