import { type AwsStringRule, findAwsStringProblem, toRuntimeName } from '@agentcore-mcp/core';

import { CliError } from '../errors.js';
import { deployResourceNames } from '../project/resourceNames.js';
import { AWS_NAME_RULES } from './awsNameRules.js';

/** A 12-digit account that stands for any: the names' shapes do not depend on the digits. */
const ANY_ACCOUNT = '123456789012';

/**
 * Checks that every AWS name the CLI derives from a runtime name (ECR repository and image URI,
 * IAM roles and policy, CodeBuild project, S3 bucket and key) is one AWS accepts, so a name is
 * refused at `configure`, before any request, rather than by `CreateRepository` or
 * `CreateAgentRuntime` halfway through a launch. Names are never silently changed (`destroy` must
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
