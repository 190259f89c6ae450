#!/usr/bin/env node
// The agentcore-mcp command line: commander wiring only. Each command's logic lives in
// src/commands/*.ts, and every byte printed goes through src/output.ts.
import { Command } from 'commander';

import type { InvokeCommandOptions } from './commands/invoke.js';
import type { LocalCommandOptions } from './commands/local.js';
import type { SetupCognitoCommandOptions } from './commands/setupCognito.js';
import type { TokenCommandOptions } from './commands/token.js';
import { runUrlCommand, type UrlCommandOptions } from './commands/url.js';
import { runValidateHeadersCommand } from './commands/validateHeaders.js';
import { runValidateNameCommand } from './commands/validateName.js';
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
const context = { env: process.env, cwd: process.cwd() };
const program = new Command('agentcore-mcp')
  .description('Set up auth, deploy and operate MCP servers on Amazon Bedrock AgentCore.')
  .version(readCliVersion(), '-V, --version', 'print the agentcore-mcp version')
  .option('--verbose', 'on failure, also print the AWS request id and the cause chain')
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

// The Cognito commands load the AWS SDK only when they run, so the other commands stay quick.
program
  .command('setup-cognito')
  .description(
    'create or reuse a Cognito user pool, app client and test user; write authorizer_config.json and .agentcore-mcp/cognito-credentials.json',
  )
  .option('--pool-name <name>', 'user pool name', 'MCPServerPool')
  .option(
    '--client-name <name>',
    'app client name (the machine client adds -m2m)',
    'MCPServerPoolClient',
  )
  .option(
    '--username <name>',
    'test user, given a fresh generated password on every run',
    'testuser',
  )
  .option('--region <region>', 'AWS region (default: AWS_REGION, then AWS_DEFAULT_REGION)')
  .option(
    '--endpoint <url>',
    'Cognito endpoint instead of AWS, e.g. cognito-local (default: AGENTCORE_MCP_COGNITO_ENDPOINT)',
  )
  .option('--out-dir <dir>', 'where to write authorizer_config.json and .agentcore-mcp/', '.')
  .option('--m2m', 'also set up client-credentials access: domain, resource server, machine client')
  .option('--json', 'print a machine-readable summary (no secrets)')
  .action(async (options: SetupCognitoCommandOptions) => {
    const { runSetupCognitoCommand } = await import('./commands/setupCognito.js');
    await runSetupCognitoCommand(options, output, context);
  });

program
  .command('token')
  .description('print a fresh access token for the credentials setup-cognito stored')
  .option('--credentials <file>', 'credentials file', '.agentcore-mcp/cognito-credentials.json')
  .option('--shell', 'print export BEARER_TOKEN=<token>, for eval "$(agentcore-mcp token --shell)"')
  .option('--m2m', "a client-credentials token from setup-cognito --m2m's machine client")
  .option('--endpoint <url>', 'Cognito endpoint (default: the one stored in the credentials file)')
  .action(async (options: TokenCommandOptions) => {
    const { runTokenCommand } = await import('./commands/token.js');
    await runTokenCommand(options, output, context);
  });

program
  .command('local')
  .description(
    'run a local AgentCore Runtime emulator: /runtimes/<ARN>/invocations mapped to local MCP servers',
  )
  .option(
    '--runtime <arn=url>',
    'a runtime ARN and the local MCP server it maps to (repeatable)',
    (value: string, previous: string[]) => [...previous, value],
    [] as string[],
  )
  .option(
    '--start <arn=command>',
    'a server command to start (HOST=127.0.0.1, a free PORT) and map to the ARN (repeatable)',
    (value: string, previous: string[]) => [...previous, value],
    [] as string[],
  )
  .option('--qualifier <name>', 'endpoint name the runtimes answer on', 'DEFAULT')
  .option(
    '--authorizer-config <json|file>',
    'customJWTAuthorizer to enforce (as setup-cognito writes it)',
  )
  .option('--request-header-allowlist <list>', 'comma-separated headers forwarded to the servers')
  .option('--host <address>', 'address to bind', '127.0.0.1')
  .option('--port <port>', 'port to bind', '9000')
  .action(async (options: LocalCommandOptions) => {
    const { runLocalCommand } = await import('./commands/local.js');
    await runLocalCommand(options, output);
  });

program
  .command('invoke')
  .description("call a runtime over MCP: tools/list, or tools/call NAME --args '{…}'")
  .argument('<method>', 'tools/list or tools/call')
  .argument('[name]', 'the tool to call (tools/call)')
  .option('--arn <arn>', 'runtime ARN (AWS, or the emulator with --local/--endpoint)')
  .option('--url <url>', 'a plain MCP endpoint URL instead of an ARN')
  .option('--qualifier <name>', 'runtime endpoint name', 'DEFAULT')
  .option('--endpoint <url>', 'send ARN requests here instead of AWS')
  .option('--local', 'use the local emulator (agentcore-mcp local) on http://127.0.0.1:9000')
  .option('--args <json>', 'tool arguments as a JSON object', '{}')
  .option('--token <token>', 'bearer token (default: env BEARER_TOKEN)')
  .option(
    '--credentials <file>',
    "setup-cognito's credentials file; tokens are refreshed as needed",
  )
  .option('--sigv4', 'sign with your AWS credentials (IAM-authorized runtimes)')
  .option('--region <region>', 'SigV4 region when it is not in the ARN')
  .option(
    '--header <name:value>',
    'extra request header (repeatable)',
    (value: string, previous: string[]) => [...previous, value],
    [] as string[],
  )
  .option('--user-id <id>', 'sends X-Amzn-Bedrock-AgentCore-Runtime-User-Id')
  .option('--json', 'print the raw MCP result as JSON')
  .action(async (method: string, name: string | undefined, options: InvokeCommandOptions) => {
    const { runInvokeCommand } = await import('./commands/invoke.js');
    await runInvokeCommand(method, name, { options, output, ...context });
  });

try {
  await program.parseAsync();
} catch (error) {
  process.exitCode = reportFailure(error, output, {
    verbose: program.opts<{ verbose?: boolean }>().verbose,
  });
}
