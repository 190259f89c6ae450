// Process entry: env HOST (default 0.0.0.0), PORT (default 8000), LOG_LEVEL, and AUTHORIZER_CONFIG
// (inline JSON or a file path, as `agentcore-mcp setup-cognito` writes it) to require bearer tokens;
// graceful shutdown on SIGTERM/SIGINT; start-up failures print one `error:` line and exit 1.
import { loadAuthorizerConfig, runAgentCoreServer } from '@agentcore-mcp/server-kit';

import { createExampleServer } from './server.js';

await runAgentCoreServer(() => {
  const jwt = loadAuthorizerConfig(process.env.AUTHORIZER_CONFIG);
  return createExampleServer(jwt ? { auth: { jwt } } : {});
});
