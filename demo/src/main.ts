// `pnpm demo [--keep]`: the local end-to-end demo (no AWS). Prints a transcript; exits 1 naming the
// failed step. --keep leaves everything running for MCP Inspector until Ctrl-C.
import { runDemo } from './runDemo.js';

const keep = process.argv.includes('--keep');
console.log(
  '🚀 agentcore-mcp local demo: Cognito (cognito-local), the AgentCore Runtime emulator, example-server, external-server and the gateway (gateway-service)\n',
);
try {
  await runDemo((line) => console.log(line), { keep });
} catch (error) {
  console.error(`\n❌ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
