// The public API of @agentcore-mcp/test-support (private): helpers for tests that run real processes.
export { connectMcpClient } from './connectMcpClient.js';
export { deployBundle } from './deployBundle.js';
export { installCachedPackages } from './installCachedPackages.js';
export { installNode24 } from './installNode24.js';
export type { PreparedBundle } from './prepareBundle.js';
export { prepareBundle } from './prepareBundle.js';
export type { SignCognitoLocalTokenOptions } from './signCognitoLocalToken.js';
export { signCognitoLocalToken } from './signCognitoLocalToken.js';
export type { SpawnAppOptions, SpawnedApp } from './spawnApp.js';
export { spawnApp } from './spawnApp.js';
export type { CognitoLocal } from './startCognitoLocal.js';
export { startCognitoLocal } from './startCognitoLocal.js';
export { startDeployedApp } from './startDeployedApp.js';
export type {
  RuntimeEmulatorProcess,
  StartRuntimeEmulatorOptions,
} from './startRuntimeEmulator.js';
export { startRuntimeEmulator } from './startRuntimeEmulator.js';
export { toolText } from './toolText.js';
export type { VerifyWithDiscoveryResult } from './verifyWithDiscovery.js';
export { verifyWithDiscovery } from './verifyWithDiscovery.js';
