// The public API of @agentcore-mcp/server-kit/process: starting a server process and waiting for
// its listening line. Node built-ins only; this entry loads neither express nor the MCP SDK.
export { findFreePort } from './findFreePort.js';
export { LISTENING_MESSAGE, readListeningUrl } from './listeningLine.js';
export type { StopProcessOptions } from './processControl.js';
export type { ServerProcessErrorCode, ServerProcessErrorDetails } from './serverProcessError.js';
export { ServerProcessError } from './serverProcessError.js';
export type {
  OutputStream,
  ServerProcess,
  ServerReadiness,
  StartServerProcessOptions,
} from './startServerProcess.js';
export { startServerProcess } from './startServerProcess.js';
