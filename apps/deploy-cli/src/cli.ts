#!/usr/bin/env node
// The agentcore-mcp command line: commander wiring only. Each command's logic lives in
// src/commands/*.ts, and every byte printed goes through src/output.ts.
import { Command } from 'commander';

import type { ConfigureCommandOptions } from './commands/configure.js';
import type { DoctorCommandOptions } from './commands/doctor.js';
import type { GatewayDeployCommandOptions } from './commands/gatewayDeploy.js';
import type { GatewayRegisterManagedCommandOptions } from './commands/gatewayRegisterManaged.js';
import type { GatewaySetupCommandOptions } from './commands/gatewaySetup.js';
import type { GatewaySyncCommandOptions } from './commands/gatewaySync.js';
import type { InvokeCommandOptions } from './commands/invoke.js';
import type { LaunchCommandOptions } from './commands/launch.js';
import type { LocalCommandOptions } from './commands/local.js';
import type { SetupCognitoCommandOptions } from './commands/setupCognito.js';
import type { TokenCommandOptions } from './commands/token.js';
import { runUrlCommand, type UrlCommandOptions } from './commands/url.js';
import { runValidateHeadersCommand } from './commands/validateHeaders.js';
import { runValidateNameCommand } from './commands/validateName.js';
import type { DestroyCommandOptions } from './deploy/destroy.js';
import type { LogsCommandOptions } from './deploy/logs.js';
import type { StatusCommandOptions } from './deploy/status.js';
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

program
  .command('configure')
  .description(
    'validate the deployment settings of an MCP server and write them to .agentcore-mcp.yaml',
  )
  .option('-e, --entrypoint <dir>', 'the app directory, with its Dockerfile (project-relative)')
  .option('-n, --name <name>', "runtime name (default: from the app's package.json or directory)")
  .option('-p, --protocol <protocol>', 'server protocol; this toolkit deploys MCP servers', 'MCP')
  .option('-r, --region <region>', 'AWS region (default: AWS_REGION, then AWS_DEFAULT_REGION)')
  .option(
    '--authorizer-config <json|file>',
    'customJWTAuthorizer, inline JSON or a file (default: none, IAM/SigV4 auth)',
  )
  .option('--skip-discovery-check', "do not fetch the authorizer's discovery URL (offline use)")
  .option('--request-header-allowlist <list>', 'comma-separated headers forwarded to the server')
  .option(
    '--env <KEY=VALUE>',
    'container environment variable, stored in plain text (repeatable)',
    (value: string, previous: string[]) => [...previous, value],
    [] as string[],
  )
  .option('--allow-plaintext-env', 'accept --env names that look like secrets (KEY, TOKEN…)')
  .option('--idle-timeout <seconds>', 'idle session timeout, 60-28800 (AgentCore default 900)')
  .option('--max-lifetime <seconds>', 'session max lifetime, 60-28800 (AgentCore default 28800)')
  .option('--observability', 'build the image with OpenTelemetry (ADOT) instrumentation')
  .option('--dockerfile <path>', 'the Dockerfile (default: <entrypoint>/Dockerfile)')
  .option('--default', "make this the project's default runtime")
  .option('--non-interactive', 'never prompt: a missing value is an error')
  .action(async (options: ConfigureCommandOptions) => {
    const { runConfigureCommand } = await import('./commands/configure.js');
    const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
    await runConfigureCommand(options, { output, ...context, interactive });
  });

program
  .command('launch')
  .description(
    'build the arm64 image (CodeBuild) and create or update the AgentCore runtime, then wait for READY',
  )
  .option('--name <name>', "runtime in .agentcore-mcp.yaml (default: the project's default)")
  .option('--local-build', 'build and push with the local Docker (buildx) instead of CodeBuild')
  .option('--dry-run', 'print every AWS request as JSON and send none')
  .option('--region <region>', "AWS region (default: the runtime's region in the project)")
  .option('--profile <profile>', 'AWS profile (default: AWS_PROFILE, then the standard chain)')
  .action(async (options: LaunchCommandOptions) => {
    const { runLaunchCommand } = await import('./commands/launch.js');
    await runLaunchCommand(options, { output, ...context });
  });

program
  .command('status')
  .description("show the deployed runtime's state, version, endpoint, ARN and invocation URL")
  .option('--name <name>', "runtime in .agentcore-mcp.yaml (default: the project's default)")
  .option('--region <region>', "AWS region (default: the runtime's region in the project)")
  .option('--profile <profile>', 'AWS profile (default: AWS_PROFILE, then the standard chain)')
  .option('--json', 'print the status as one JSON object')
  .action(async (options: StatusCommandOptions) => {
    const { runStatusCommand } = await import('./deploy/status.js');
    await runStatusCommand(options, { output, ...context });
  });

program
  .command('logs')
  .description("print the runtime's CloudWatch logs; --follow keeps printing until Ctrl-C")
  .option('--name <name>', "runtime in .agentcore-mcp.yaml (default: the project's default)")
  .option('--since <time>', 'start: a duration back (30s, 10m, 2h, 1d) or an ISO time', '10m')
  .option('--follow', 'poll for new events every 2 s until Ctrl-C')
  .option('--limit <n>', 'print at most this many of the newest events', '200')
  .option('--region <region>', "AWS region (default: the runtime's region in the project)")
  .option('--profile <profile>', 'AWS profile (default: AWS_PROFILE, then the standard chain)')
  .action(async (options: LogsCommandOptions) => {
    const { runLogsCommand } = await import('./deploy/logs.js');
    await runLogsCommand(options, { output, ...context });
  });

program
  .command('destroy')
  .description(
    'delete the deployed runtime (and with --delete-*, its image repository, roles, build project, user pool)',
  )
  .option('--name <name>', "runtime in .agentcore-mcp.yaml (default: the project's default)")
  .option('--yes', 'do not ask for confirmation (required without a terminal)')
  .option('--delete-ecr-repo', 'also delete the ECR repository and all its images')
  .option('--delete-role', 'also delete the execution role and the CodeBuild role')
  .option('--delete-codebuild', 'also delete the CodeBuild project and the uploaded source')
  .option(
    '--delete-cognito',
    'also delete the user pool in .agentcore-mcp/cognito-credentials.json',
  )
  .option('--dry-run', 'print the AWS requests as JSON instead of sending them')
  .option('--region <region>', "AWS region (default: the runtime's region in the project)")
  .option('--profile <profile>', 'AWS profile (default: AWS_PROFILE, then the standard chain)')
  .action(async (options: DestroyCommandOptions) => {
    const { runDestroyCommand } = await import('./deploy/destroy.js');
    await runDestroyCommand(options, { output, ...context });
  });

program
  .command('doctor')
  .description(
    'check AWS credentials, the project, the authorizer, the token, the runtime and MCP initialize, one line each',
  )
  .option('--name <name>', "runtime in .agentcore-mcp.yaml (default: the project's default)")
  .option('--region <region>', "AWS region (default: the runtime's region in the project)")
  .option('--profile <profile>', 'AWS profile (default: AWS_PROFILE, then the standard chain)')
  .option(
    '--credentials <file>',
    "setup-cognito's credentials file (default: .agentcore-mcp/cognito-credentials.json if present)",
  )
  .option('--token <token>', 'bearer token to check (default: env BEARER_TOKEN)')
  .option('--endpoint <url>', 'send the MCP initialize here instead of AWS, e.g. the emulator')
  .action(async (options: DoctorCommandOptions) => {
    const { runDoctorCommand } = await import('./commands/doctor.js');
    const report = await runDoctorCommand(options, { output, ...context });
    if (!report.ok) process.exitCode = 1;
  });

// The gateway commands: our gateway's config (setup) and a managed AgentCore Gateway in front of
// its HTTPS targets (register-managed, sync).
const gateway = program
  .command('gateway')
  .description(
    'configure an MCP gateway and register its targets with a managed AgentCore Gateway',
  );

gateway
  .command('setup')
  .description(
    'collect targets (flags, or prompts on a terminal), test each with MCP, write gateway.json with the authorizer',
  )
  .option(
    '--target <name=url>',
    'an HTTP MCP server (repeatable)',
    (value: string, previous: string[]) => [...previous, value],
    [] as string[],
  )
  .option(
    '--stdio <name=command>',
    "a server the gateway starts, e.g. files='node server.js' (repeatable)",
    (value: string, previous: string[]) => [...previous, value],
    [] as string[],
  )
  .option(
    '--header <name:Header=value>',
    "a header for an HTTP target; secrets as ${VAR}, e.g. weather:Authorization='Bearer ${TOKEN}' (repeatable)",
    (value: string, previous: string[]) => [...previous, value],
    [] as string[],
  )
  .option('--out <file>', 'the config file to write', 'gateway.json')
  .option('--auth <file>', 'customJWTAuthorizer file (default: authorizer_config.json)')
  .option('--no-auth', 'no inbound auth: anyone who can reach the gateway can call its tools')
  .option('--create-cognito', 'run setup-cognito first and use the authorizer it writes')
  .option('--region <region>', 'AWS region for --create-cognito (default: AWS_REGION)')
  .action(async (options: GatewaySetupCommandOptions) => {
    const { runGatewaySetupCommand } = await import('./commands/gatewaySetup.js');
    await runGatewaySetupCommand(options, { output, ...context });
  });

gateway
  .command('deploy')
  .description(
    'deploy gateway-service as an AgentCore runtime (like launch), its config passed in GATEWAY_CONFIG',
  )
  .option('--config <file>', "our gateway's config file", 'gateway.json')
  .option('--name <name>', 'runtime name, recorded in .agentcore-mcp.yaml', 'mcp_gateway')
  .option('--local-build', 'build and push with the local Docker (buildx) instead of CodeBuild')
  .option('--observability', 'build the image with ADOT (OpenTelemetry) instrumentation')
  .option('--dry-run', 'print every AWS request as JSON and send none')
  .option('--region <region>', 'AWS region (default: the recorded one, then AWS_REGION)')
  .option('--profile <profile>', 'AWS profile (default: AWS_PROFILE, then the standard chain)')
  .action(async (options: GatewayDeployCommandOptions) => {
    const { runGatewayDeployCommand } = await import('./commands/gatewayDeploy.js');
    await runGatewayDeployCommand(options, { output, ...context });
  });

gateway
  .command('register-managed')
  .description(
    'create (or reuse) a managed AgentCore Gateway with one mcpServer target per HTTPS target of the config',
  )
  .option('--config <file>', "our gateway's config file", 'gateway.json')
  .option('--name <name>', 'gateway name (_ becomes -)', 'agentcore-mcp-gateway')
  .option('--role-arn <arn>', 'execution role to use (default: one created for the gateway)')
  .option('--dry-run', 'print every AWS request as JSON and send none')
  .option('--region <region>', 'AWS region (default: the recorded one, then AWS_REGION)')
  .option('--profile <profile>', 'AWS profile (default: AWS_PROFILE, then the standard chain)')
  .action(async (options: GatewayRegisterManagedCommandOptions) => {
    const { runGatewayRegisterManagedCommand } =
      await import('./commands/gatewayRegisterManaged.js');
    const { createGatewayDeployContext } = await import('./commands/gatewayContext.js');
    await runGatewayRegisterManagedCommand(
      options,
      createGatewayDeployContext({ output, ...context }, options),
    );
  });

gateway
  .command('sync')
  .description(
    "re-list the tools of the managed gateway's targets (after a server's tools changed)",
  )
  .option('--target <name>', 'only this target (default: every recorded one)')
  .option('--dry-run', 'print every AWS request as JSON and send none')
  .option('--region <region>', 'AWS region (default: the recorded one)')
  .option('--profile <profile>', 'AWS profile (default: AWS_PROFILE, then the standard chain)')
  .action(async (options: GatewaySyncCommandOptions) => {
    const { runGatewaySyncCommand } = await import('./commands/gatewaySync.js');
    const { createGatewayDeployContext } = await import('./commands/gatewayContext.js');
    await runGatewaySyncCommand(
      options,
      createGatewayDeployContext({ output, ...context }, options),
    );
  });

try {
  await program.parseAsync();
} catch (error) {
  process.exitCode = reportFailure(error, output, {
    verbose: program.opts<{ verbose?: boolean }>().verbose,
  });
}
