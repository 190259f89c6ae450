// Process entry: env PORT (default 8001, beside example-server's 8000), HOST (default 0.0.0.0),
// LOG_LEVEL, and AUTHORIZER_CONFIG (inline JSON or a file path) to require bearer tokens; graceful
// shutdown on SIGTERM/SIGINT; start-up failures print one `error:` line.
import { loadAuthorizerConfig, runAgentCoreServer } from '@agentcore-mcp/server-kit';

import { createExternalServer, EXTERNAL_SERVER_DEFAULT_PORT } from './server.js';

const portFromEnv = process.env.PORT !== undefined && process.env.PORT !== '';
await runAgentCoreServer(() => {
  const jwt = loadAuthorizerConfig(process.env.AUTHORIZER_CONFIG);
  return createExternalServer({
    ...(portFromEnv ? {} : { port: EXTERNAL_SERVER_DEFAULT_PORT }),
    ...(jwt ? { auth: { jwt } } : {}),
  });
});
