import type { ViteUserConfig } from 'vitest/config';

/** The shared vitest configuration; see index.js. */
declare const config: ViteUserConfig;
export default config;
