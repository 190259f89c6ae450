import shared from '@agentcore-mcp/vitest-config';
import { defineConfig, mergeConfig } from 'vitest/config';

// One file at a time: the soak saturates both cores, and the fault tests assert recovery bounds.
export default mergeConfig(shared, defineConfig({ test: { fileParallelism: false } }));
