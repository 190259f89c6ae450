import { type AwsStringRule, findAwsStringProblem, toRuntimeName } from '@agentcore-mcp/core';

import { CliError } from '../errors.js';
import { deployResourceNames, runtimeLogGroup } from '../project/resourceNames.js';
import { AWS_NAME_RULES } from './awsNameRules.js';

/** A 12-digit account that stands for any: the names' shapes do not depend on the digits. */
const ANY_ACCOUNT = '123456789012';
/** The 10-character suffix AgentCore adds to a runtime name to make its id (`<name>-<suffix>`). */
const ANY_RUNTIME_ID_SUFFIX = 'AbCdEf1234';

/**
 * Checks that every AWS name the CLI derives from a runtime name (ECR repository and image URI,
 * IAM roles and policy, CodeBuild project and its log group, S3 bucket and key, the runtime's log
 * group) is one AWS accepts, so a name is refused at `configure` (and again by `launch` and
 * `gateway deploy`, for a project file edited by hand), before any request, rather than by
 * `CreateRepository` or `CreateAgentRuntime` halfway through a launch. Names are never silently changed (`destroy` must
 * find what `launch` made): the message suggests a name instead.
 *
 * @param runtimeName - A name that already satisfies the runtime-name rule (core's `assertRuntimeName`).
 * @param region - The region, e.g. `us-east-1`.
 * @throws {@link CliError} `ERR_INVALID_RUNTIME_NAME`, e.g. `Runtime name "server_" cannot be
 *   deployed: its ECR repository "agentcore-mcp/server_" must match … (ecr#RepositoryName); rename
 *   it to "server"`.
 * @example
 * ```ts
 * assertDeployableRuntimeName('my__server', 'us-east-1'); // throws: … rename it to "my_server"
 * ```
 */
export function assertDeployableRuntimeName(runtimeName: string, region: string): void {
  const names = deployResourceNames(runtimeName, ANY_ACCOUNT, region);
  const checks: [what: string, value: string, rule: AwsStringRule][] = [
    ['ECR repository', names.ecrRepository, AWS_NAME_RULES.ecrRepository],
    [
      'image URI',
      `${ANY_ACCOUNT}.dkr.ecr.${region}.amazonaws.com/${names.ecrRepository}:latest`,
      AWS_NAME_RULES.containerUri,
    ],
    ['execution role', names.executionRole, AWS_NAME_RULES.iamRole],
    ['execution policy', names.executionPolicy, AWS_NAME_RULES.iamPolicy],
    ['CodeBuild role', names.codeBuildRole, AWS_NAME_RULES.iamRole],
    ['CodeBuild project', names.codeBuildProject, AWS_NAME_RULES.codeBuildProject],
    ['CodeBuild log group', `/aws/codebuild/${names.codeBuildProject}`, AWS_NAME_RULES.logGroup],
    [
      'runtime log group',
      runtimeLogGroup(`${runtimeName}-${ANY_RUNTIME_ID_SUFFIX}`),
      AWS_NAME_RULES.logGroup,
    ],
    ['source bucket', names.sourceBucket, AWS_NAME_RULES.s3Bucket],
    ['source key', names.sourceKey, AWS_NAME_RULES.s3Key],
  ];
  for (const [what, value, rule] of checks) {
    const problem = findAwsStringProblem(rule, value);
    if (problem === undefined) continue;
    const suggestion = toRuntimeName(runtimeName);
    const fix = suggestion === runtimeName ? 'choose another name' : `rename it to "${suggestion}"`;
    throw new CliError(
      'ERR_INVALID_RUNTIME_NAME',
      `Runtime name "${runtimeName}" cannot be deployed: its ${what} "${value}" ${problem.replace(/^it /, '')}; ${fix}`,
    );
  }
}

/**
 * Finds two runtime names of one project that differ only by case: they would share one ECR
 * repository (repository names are lowercase), so the second launch would overwrite the first's
 * images.
 *
 * @param names - The project's runtime names, and the one being added.
 * @returns The first pair that collides, or `undefined`.
 * @example
 * ```ts
 * findCaseCollision(['Weather', 'weather']); // ['Weather', 'weather']
 * ```
 */
export function findCaseCollision(names: readonly string[]): [string, string] | undefined {
  const seen = new Map<string, string>();
  for (const name of names) {
    const earlier = seen.get(name.toLowerCase());
    if (earlier !== undefined && earlier !== name) return [earlier, name];
    seen.set(name.toLowerCase(), name);
  }
  return undefined;
}

/**
 * The check `configure`, `launch` and `gateway deploy` run on the runtime they are about to write
 * or deploy, before any request: its name must be deployable ({@link assertDeployableRuntimeName})
 * and must not differ only by case from another runtime of the project
 * ({@link findCaseCollision}). A project file edited by hand (or written by an older CLI) gets the
 * same one-line error as `configure`.
 *
 * @param runtimeName - The runtime's name (already a valid runtime name).
 * @param context - The region it deploys to and the names of the project's runtimes (it may be
 *   among them).
 * @throws {@link CliError} `ERR_INVALID_RUNTIME_NAME`.
 * @example
 * ```ts
 * assertDeployableInProject('weather', { region: 'us-east-1', projectRuntimes: ['Weather'] });
 * // throws: Runtime names "Weather" and "weather" differ only by case, …
 * ```
 */
export function assertDeployableInProject(
  runtimeName: string,
  context: { readonly region: string; readonly projectRuntimes: readonly string[] },
): void {
  assertDeployableRuntimeName(runtimeName, context.region);
  const lower = runtimeName.toLowerCase();
  const sameLetters = context.projectRuntimes.filter((name) => name.toLowerCase() === lower);
  const collision = findCaseCollision([...sameLetters, runtimeName]);
  if (collision === undefined) return;
  throw new CliError(
    'ERR_INVALID_RUNTIME_NAME',
    `Runtime names "${collision[0]}" and "${collision[1]}" differ only by case, so they would share the ECR repository "agentcore-mcp/${runtimeName.toLowerCase()}"; rename one of them`,
  );
}
