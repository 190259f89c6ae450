// The process entry (`npm start`, the Docker image, `agentcore-mcp dev`). Environment: HOST
// (default 0.0.0.0), PORT (default 8000), LOG_LEVEL, and AUTHORIZER_CONFIG (inline JSON or a file
// path, as `agentcore-mcp setup-cognito` writes it) to check bearer tokens in the server itself.
// Stops gracefully on SIGTERM/SIGINT; a start-up failure prints one `error:` line and exits 1.
import { loadAuthorizerConfig, runAgentCoreServer } from '@agentcore-mcp/server-kit';

import { createServer } from './server.js';

await runAgentCoreServer(() => {
  const jwt = loadAuthorizerConfig(process.env.AUTHORIZER_CONFIG);
  return createServer(jwt ? { auth: { jwt } } : {});
});
