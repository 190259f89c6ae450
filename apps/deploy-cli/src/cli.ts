#!/usr/bin/env node
// The agentcore-mcp command line: commander wiring only. Each command's logic lives in
// src/commands/*.ts, and every byte printed goes through src/output.ts.
import { Command } from 'commander';

import { runUrlCommand, type UrlCommandOptions } from './commands/url.js';
import { runValidateHeadersCommand } from './commands/validateHeaders.js';
import { runValidateNameCommand } from './commands/validateName.js';
import { createOutput } from './output.js';
import { reportFailure } from './reportFailure.js';
import { readCliVersion } from './version.js';

const output = createOutput();
const program = new Command('agentcore-mcp')
  .description('Set up auth, deploy and operate MCP servers on Amazon Bedrock AgentCore.')
  .version(readCliVersion(), '-V, --version', 'print the agentcore-mcp version')
  .configureOutput(output.commander)
  .exitOverride();

program
  .command('url')
  .description('print the invocation URL an MCP client posts to for a runtime')
  .requiredOption(
    '--arn <arn>',
    'runtime ARN, arn:aws:bedrock-agentcore:<region>:<account>:runtime/<id>',
  )
  .option('--qualifier <name>', 'runtime endpoint name', 'DEFAULT')
  .option('--endpoint <url>', 'origin to use instead of AWS, e.g. http://127.0.0.1:9000')
  .action((options: UrlCommandOptions) => runUrlCommand(options, output));

program
  .command('validate-name')
  .description('check an AgentCore runtime name and print it back')
  .argument('<name>', 'proposed runtime name, e.g. weather_server')
  .action((name: string) => runValidateNameCommand(name, output));

program
  .command('validate-headers')
  .description('check a request header allowlist and print it back, comma-separated')
  .argument('<headers...>', 'header names, comma- or space-separated, e.g. Authorization,X-Api-Key')
  .action((headers: string[]) => runValidateHeadersCommand(headers, output));

try {
  await program.parseAsync();
} catch (error) {
  process.exitCode = reportFailure(error, output);
}
