import { UPSTREAM_FIXTURE } from './appEntries.js';
import { type StartedProcess, startProcess } from './startProcess.js';

/**
 * Runs the suite's upstream fixture over streamable HTTP on 127.0.0.1.
 *
 * @param name - Its name; `echo` answers `<name>: <message>`.
 * @param options - A fixed port (to restart a killed target where the gateway expects it); the
 *   log capture.
 * @returns The running upstream; its `url` is the MCP endpoint.
 */
export function startUpstream(
  name: string,
  options: { port?: number; lines?: string[] } = {},
): Promise<StartedProcess> {
  return startProcess({
    args: [UPSTREAM_FIXTURE],
    env: { NAME: name, PORT: String(options.port ?? 0) },
    ...(options.lines ? { lines: options.lines } : {}),
  });
}

/**
 * The `mcpServers` entry that makes the gateway run the fixture as a stdio child process.
 *
 * @param name - Its name; `echo` answers `<name>: <message>`.
 * @returns The target configuration.
 */
export function stdioUpstreamTarget(name: string): {
  command: string;
  args: string[];
  env: Record<string, string>;
} {
  // Its log lines would go to stdout, the MCP channel.
  return {
    command: process.execPath,
    args: [UPSTREAM_FIXTURE, '--stdio'],
    env: { NAME: name, LOG_LEVEL: 'silent' },
  };
}
