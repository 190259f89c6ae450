import { buildInvocationUrl, type JwtAuthorizerConfig } from '@agentcore-mcp/core';

import { AGENTCORE_MCP_CLI, EXAMPLE_SERVER_ENTRY, GATEWAY_SERVICE_ENTRY } from './appEntries.js';
import { type StartedProcess, startProcess } from './startProcess.js';

/** Where a client meets our code: server-kit itself, the gateway, or the AgentCore emulator. */
export type SurfaceName = 'server-kit' | 'gateway' | 'emulator';

/** One surface under test. */
export interface Surface {
  readonly name: SurfaceName;
  /** The URL clients POST MCP messages to. */
  readonly url: string;
  /** The name of example-server's `echo_message` tool on this surface. */
  readonly echoTool: string;
  /** The process answering at `url`. */
  readonly process: StartedProcess;
}

/** The three surfaces, and the open example-server behind the gateway and the emulator. */
export interface Surfaces {
  readonly all: readonly Surface[];
  /** The surface of that name. */
  get(name: SurfaceName): Surface;
  /** Stops every process. */
  stop(): Promise<void>;
}

/** The runtime ARN the emulator serves example-server as. */
export const EMULATED_ARN =
  'arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/resilience_example-Resil00001';

/**
 * Starts example-server (server-kit), gateway-service in front of a second example-server, and
 * `agentcore-mcp local` in front of that same one, all on 127.0.0.1 and, when `jwt` is given, all
 * behind the same customJWTAuthorizer. Every output line goes to `lines`.
 *
 * @param options - The authorizer (none: open surfaces) and the log capture.
 * @returns The surfaces, in the order server-kit, gateway, emulator.
 */
export async function startSurfaces(options: {
  jwt?: JwtAuthorizerConfig;
  lines: string[];
}): Promise<Surfaces> {
  const { jwt, lines } = options;
  const started: StartedProcess[] = [];
  const track = (process: StartedProcess) => (started.push(process), process);
  const stop = async () => {
    await Promise.all(started.map((process) => process.stop()));
  };
  try {
    const authorizer = jwt ? JSON.stringify({ customJWTAuthorizer: jwt }) : undefined;
    const [direct, backend] = await Promise.all([
      startProcess({
        args: [EXAMPLE_SERVER_ENTRY],
        env: { AUTHORIZER_CONFIG: authorizer },
        lines,
      }).then(track),
      startProcess({ args: [EXAMPLE_SERVER_ENTRY], lines }).then(track),
    ]);
    const gatewayConfig = {
      mcpServers: { example: { url: backend.url } },
      gateway: jwt ? { auth: { customJWTAuthorizer: jwt } } : {},
    };
    const emulatorArgs = ['local', '--port', '0', '--runtime', `${EMULATED_ARN}=${backend.url}`];
    if (authorizer) emulatorArgs.push('--authorizer-config', authorizer);
    const [gateway, emulator] = await Promise.all([
      startProcess({
        args: [GATEWAY_SERVICE_ENTRY],
        env: { GATEWAY_CONFIG: JSON.stringify(gatewayConfig) },
        lines,
      }).then(track),
      startProcess({
        args: [AGENTCORE_MCP_CLI, ...emulatorArgs],
        ready: (line) => /^AgentCore Runtime emulator on (\S+)/.exec(line)?.[1],
        lines,
      }).then(track),
    ]);
    const all: Surface[] = [
      { name: 'server-kit', url: direct.url, echoTool: 'echo_message', process: direct },
      { name: 'gateway', url: gateway.url, echoTool: 'example___echo_message', process: gateway },
      {
        name: 'emulator',
        url: buildInvocationUrl({ arn: EMULATED_ARN, endpoint: emulator.url }),
        echoTool: 'echo_message',
        process: emulator,
      },
    ];
    const get = (name: SurfaceName): Surface => {
      const found = all.find((candidate) => candidate.name === name);
      if (!found) throw new Error(`no surface ${name}`);
      return found;
    };
    return { all, get, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
