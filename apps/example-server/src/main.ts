// Process entry: env HOST (default 0.0.0.0), PORT (default 8000) and LOG_LEVEL, read by server-kit;
// graceful shutdown on SIGTERM/SIGINT; start-up failures print one `error:` line and exit 1.
import { runAgentCoreServer } from '@agentcore-mcp/server-kit';

import { createExampleServer } from './server.js';

await runAgentCoreServer(() => createExampleServer());
