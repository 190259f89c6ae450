#!/usr/bin/env node
// Process entry and the `agentcore-mcp-gateway` bin: `--config gateway.json`, or env GATEWAY_CONFIG
// (a file path or inline JSON); env HOST/PORT override the file's gateway.host/port when set (the
// default host is 127.0.0.1 without gateway.auth, 0.0.0.0 with it); LOG_LEVEL. `--help` and
// `--version` print and exit 0. Graceful shutdown on SIGTERM/SIGINT; start-up failures print one
// `error:` line and exit 1.
import { readListenAddress } from '@agentcore-mcp/core';
import { createGateway } from '@agentcore-mcp/gateway';
import { runAgentCoreServer } from '@agentcore-mcp/server-kit';

import { loadServiceConfig } from './loadServiceConfig.js';
import { formatServiceHelp, readInfoRequest, readServicePackage } from './serviceInfo.js';

const argv = process.argv.slice(2);
const info = readInfoRequest(argv);
if (info === undefined) {
  await runAgentCoreServer(() =>
    createGateway(loadServiceConfig(argv, process.env), readListenAddress(process.env)),
  );
} else {
  const servicePackage = readServicePackage();
  process.stdout.write(
    info === 'help' ? formatServiceHelp(servicePackage) : `${servicePackage.version}\n`,
  );
}
