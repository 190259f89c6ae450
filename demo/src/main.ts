// `pnpm demo`: the local end-to-end demo (no AWS). Prints a transcript; exits 1 naming the failed step.
import { runDemo } from './runDemo.js';

console.log(
  '🚀 agentcore-mcp local demo: Cognito (cognito-local) + example-server and external-server over streamable HTTP\n',
);
try {
  await runDemo((line) => console.log(line));
} catch (error) {
  console.error(`\n❌ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
