// Process entry: `node dist/main.js --config gateway.json`, or env GATEWAY_CONFIG (a file path or
// inline JSON); env HOST/PORT override the file's gateway.host/port when set; LOG_LEVEL. Graceful
// shutdown on SIGTERM/SIGINT; start-up failures print one `error:` line and exit 1.
import { readListenAddress } from '@agentcore-mcp/core';
import { createGateway } from '@agentcore-mcp/gateway';
import { runAgentCoreServer } from '@agentcore-mcp/server-kit';

import { loadServiceConfig } from './loadServiceConfig.js';

await runAgentCoreServer(() =>
  createGateway(
    loadServiceConfig(process.argv.slice(2), process.env),
    readListenAddress(process.env),
  ),
);
