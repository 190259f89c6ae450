#!/usr/bin/env node
// The agentcore-mcp command line: commander wiring only. Each command, with its options, lives in
// src/commands/<name>.ts and loads what it runs on first use; every byte printed goes through
// src/output.ts.
import { Command } from 'commander';

import { createCommandContext } from './commandContext.js';
import { addConfigureCommand } from './commands/configure.js';
import { addDestroyCommand } from './commands/destroy.js';
import { addDevCommand } from './commands/dev.js';
import { addDoctorCommand } from './commands/doctor.js';
import { addGatewayDeployCommand } from './commands/gatewayDeploy.js';
import { addGatewayDestroyManagedCommand } from './commands/gatewayDestroyManaged.js';
import { addGatewayRegisterManagedCommand } from './commands/gatewayRegisterManaged.js';
import { addGatewaySetupCommand } from './commands/gatewaySetup.js';
import { addGatewaySyncCommand } from './commands/gatewaySync.js';
import { addInitCommand } from './commands/init.js';
import { addInvokeCommand } from './commands/invoke.js';
import { addLaunchCommand } from './commands/launch.js';
import { addLocalCommand } from './commands/local.js';
import { addLogsCommand } from './commands/logs.js';
import { addSetupCognitoCommand } from './commands/setupCognito.js';
import { addStatusCommand } from './commands/status.js';
import { addTokenCommand } from './commands/token.js';
import { addUrlCommand } from './commands/url.js';
import { addValidateHeadersCommand } from './commands/validateHeaders.js';
import { addValidateNameCommand } from './commands/validateName.js';
import { createOutput } from './output.js';
import { reportFailure } from './reportFailure.js';
import { readCliVersion } from './version.js';

// The AWS SDK warns on stderr, on Node < 22, that its 2027 releases will need Node 22; the CLI
// keeps stderr for its one error line. (package.json pins the SDK release we test with.)
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// `agentcore-mcp … | head -1` closes stdout early: that is the reader's choice, not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

const output = createOutput();
const context = createCommandContext({
  output,
  env: process.env,
  cwd: process.cwd(),
  interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
});
const program = new Command('agentcore-mcp')
  .description('Set up auth, deploy and operate MCP servers on Amazon Bedrock AgentCore.')
  .version(readCliVersion(), '-V, --version', 'print the agentcore-mcp version')
  .option('--verbose', 'on failure, also print the AWS request id and the cause chain')
  .configureOutput(output.commander)
  .exitOverride();

for (const addCommand of [
  addInitCommand,
  addDevCommand,
  addUrlCommand,
  addValidateNameCommand,
  addValidateHeadersCommand,
  addSetupCognitoCommand,
  addTokenCommand,
  addLocalCommand,
  addInvokeCommand,
  addConfigureCommand,
  addLaunchCommand,
  addStatusCommand,
  addLogsCommand,
  addDestroyCommand,
  addDoctorCommand,
]) {
  addCommand(program, context);
}

// Our gateway's config (setup), deployed as a runtime (deploy), and a managed AgentCore Gateway
// in front of its HTTPS targets (register-managed, sync, destroy-managed).
const gateway = program
  .command('gateway')
  .description(
    'configure an MCP gateway and register its targets with a managed AgentCore Gateway',
  );
for (const addCommand of [
  addGatewaySetupCommand,
  addGatewayDeployCommand,
  addGatewayRegisterManagedCommand,
  addGatewaySyncCommand,
  addGatewayDestroyManagedCommand,
]) {
  addCommand(gateway, context);
}

try {
  await program.parseAsync();
} catch (error) {
  process.exitCode = reportFailure(error, output, {
    verbose: program.opts<{ verbose?: boolean }>().verbose,
  });
}
