// Process entry: env PORT (default 8001, beside example-server's 8000), HOST (default 0.0.0.0) and
// LOG_LEVEL; graceful shutdown on SIGTERM/SIGINT; start-up failures print one `error:` line.
import { runAgentCoreServer } from '@agentcore-mcp/server-kit';

import { createExternalServer, EXTERNAL_SERVER_DEFAULT_PORT } from './server.js';

const portFromEnv = process.env.PORT !== undefined && process.env.PORT !== '';
await runAgentCoreServer(() =>
  createExternalServer(portFromEnv ? {} : { port: EXTERNAL_SERVER_DEFAULT_PORT }),
);
