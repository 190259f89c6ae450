import {
  PROJECT_CONFIG_FILE,
  type ProjectConfig,
  type RuntimeProject,
} from '../project/projectConfig.js';
import { readProjectConfig } from '../project/projectConfigFile.js';
import { type DoctorCheck, errorMessage, failed, passed } from './doctorCheck.js';

/** The name of the project check. */
export const PROJECT_CHECK = 'project';

/** What the project check found: the line, and the runtime when there is one. */
export interface ProjectCheckResult {
  readonly check: DoctorCheck;
  readonly runtime?: RuntimeProject | undefined;
}

/**
 * Checks that `.agentcore-mcp.yaml` parses and configures the runtime (`--name`, or the default).
 *
 * @param cwd - The project root.
 * @param name - `--name`; default: the project's default runtime.
 * @returns The check, and the runtime when it passed.
 * @example
 * ```ts
 * const { check, runtime } = checkProject(process.cwd());
 * ```
 */
export function checkProject(cwd: string, name?: string): ProjectCheckResult {
  let project: ProjectConfig | undefined;
  try {
    project = readProjectConfig(cwd);
  } catch (error) {
    const message = errorMessage(error).replace(
      /; fix it or run agentcore-mcp configure again$/,
      '',
    );
    return {
      check: failed(
        PROJECT_CHECK,
        message,
        'correct the file, or run agentcore-mcp configure again',
      ),
    };
  }
  if (project === undefined) {
    return {
      check: failed(
        PROJECT_CHECK,
        `no ${PROJECT_CONFIG_FILE} in ${cwd}`,
        'run agentcore-mcp configure -e <app directory>',
      ),
    };
  }
  const key = name ?? project.default;
  const runtime = project.runtimes[key];
  if (runtime === undefined) {
    const configured = Object.keys(project.runtimes).join(', ');
    return {
      check: failed(
        PROJECT_CHECK,
        `no runtime "${key}" in ${PROJECT_CONFIG_FILE} (configured: ${configured})`,
        `pass --name, or run agentcore-mcp configure --name ${key}`,
      ),
    };
  }
  const auth = runtime.authorizer ? 'JWT authorizer' : 'IAM (SigV4) auth';
  const launched = runtime.deployment
    ? `launched as ${runtime.deployment.runtimeId}`
    : 'not launched yet';
  return {
    check: passed(
      PROJECT_CHECK,
      `${PROJECT_CONFIG_FILE} configures ${runtime.name} (${runtime.region}, ${auth}, ${launched})`,
    ),
    runtime,
  };
}
