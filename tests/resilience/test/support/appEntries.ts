import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

function packageFile(name: string, path: string): string {
  return join(dirname(require.resolve(`${name}/package.json`)), path);
}

/** `apps/example-server/dist/main.js`: server-kit as users run it (env AUTHORIZER_CONFIG). */
export const EXAMPLE_SERVER_ENTRY = packageFile('@agentcore-mcp/example-server', 'dist/main.js');

/** `apps/gateway-service/dist/main.js` (env GATEWAY_CONFIG). */
export const GATEWAY_SERVICE_ENTRY = packageFile('@agentcore-mcp/gateway-service', 'dist/main.js');

/** `apps/deploy-cli/dist/cli.js`: `agentcore-mcp`, whose `local` command is the emulator. */
export const AGENTCORE_MCP_CLI = packageFile('@agentcore-mcp/cli', 'dist/cli.js');

/** The suite's upstream server (HTTP or `--stdio`), see the file's header. */
export const UPSTREAM_FIXTURE = fileURLToPath(
  new URL('../fixtures/upstreamServer.mjs', import.meta.url),
);
