// The README's Quick start for the gateway itself, kept compiling by `typecheck` (STYLE.md §7).
import { createGateway, parseGatewayConfig } from '../src/index.js';

const config = parseGatewayConfig({
  mcpServers: {
    external: { url: 'http://127.0.0.1:8001/mcp' },
    everything: {
      command: 'npx',
      args: ['-y', '@modelcontextprotocol/server-everything', 'stdio'],
    },
  },
  gateway: { host: '127.0.0.1', port: 8000 },
});
const gateway = createGateway(config);
const { url } = await gateway.listen(); // lists every target first (at most 10 s)
const { healthyTargets, totalTargets } = gateway.status();
process.stdout.write(`${url}: ${healthyTargets}/${totalTargets} targets healthy\n`);
// tools/list now shows external___external_echo, everything___echo, …, gateway_status
await gateway.close(); // or gateway.run(): listen, then shut down on SIGTERM/SIGINT
