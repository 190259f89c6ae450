import { findAwsStringProblem } from '@agentcore-mcp/core';
import { describe, expect, it } from 'vitest';

import { AWS_NAME_RULES } from '../../src/aws/awsNameRules.js';
import {
  assertDeployableInProject,
  assertDeployableRuntimeName,
  findCaseCollision,
} from '../../src/aws/deployableRuntimeName.js';

describe('assertDeployableRuntimeName', () => {
  it.each(['a', 'a_b', 'Weather_Server_2', `a${'b'.repeat(47)}`])(
    'accepts %j: every derived name satisfies its AWS rule',
    (name) => {
      expect(() => assertDeployableRuntimeName(name, 'us-east-1')).not.toThrow();
    },
  );

  it.each([
    [
      'server_',
      'Runtime name "server_" cannot be deployed: its ECR repository "agentcore-mcp/server_" must match',
      'rename it to "server"',
    ],
    [
      'my__server',
      'Runtime name "my__server" cannot be deployed: its ECR repository "agentcore-mcp/my__server" must match',
      'rename it to "my_server"',
    ],
  ])('refuses %j, quoting the rule and suggesting a name', (name, start, fix) => {
    const error = catchError(() => assertDeployableRuntimeName(name, 'us-east-1'));
    expect(error).toMatchObject({ code: 'ERR_INVALID_RUNTIME_NAME' });
    expect(error.message).toMatch(
      new RegExp(`^${escape(start)} .*\\(ecr#RepositoryName\\); ${escape(fix)}$`),
    );
  });
});

describe('AWS_NAME_RULES', () => {
  it.each([
    ['ecrRepository', 'agentcore-mcp/weather_server', true],
    ['ecrRepository', 'agentcore-mcp/server_', false],
    ['ecrRepository', 'agentcore-mcp/my__server', false],
    [
      'containerUri',
      '123456789012.dkr.ecr.us-east-1.amazonaws.com/agentcore-mcp/a_b:20261205',
      true,
    ],
    ['containerUri', '123456789012.dkr.ecr.us-east-1.amazonaws.com/agentcore-mcp/a__b:1', false],
    ['iamRole', `AgentCoreMcpRuntime-${'a'.repeat(30)}-0123abcd`, true],
    ['iamRole', 'x'.repeat(65), false],
    ['codeBuildProject', 'agentcore-mcp-weather-builder', true],
    ['codeBuildProject', '-x', false],
    ['s3Bucket', 'agentcore-mcp-sources-123456789012-us-east-1', true],
    ['s3Bucket', 'Upper', false],
    ['logGroup', '/aws/bedrock-agentcore/runtimes/demo-AbCdEf1234-DEFAULT', true],
    ['gatewayTargetDescription', 'x'.repeat(200), true],
    ['gatewayTargetDescription', 'x'.repeat(201), false],
  ] as const)('%s %j → %s', (rule, value, accepted) => {
    expect(findAwsStringProblem(AWS_NAME_RULES[rule], value) === undefined).toBe(accepted);
  });
});

describe('findCaseCollision', () => {
  it('finds names that would share one ECR repository', () => {
    expect(findCaseCollision(['Weather', 'docs', 'weather'])).toEqual(['Weather', 'weather']);
    expect(findCaseCollision(['weather', 'weather', 'docs'])).toBeUndefined();
  });
});

describe('assertDeployableInProject', () => {
  const region = 'us-east-1';

  it('accepts a runtime among the project runtimes, itself included', () => {
    expect(() =>
      assertDeployableInProject('weather', { region, projectRuntimes: ['weather', 'docs'] }),
    ).not.toThrow();
  });

  it('refuses the runtime when another differs from it only by case', () => {
    expect(() =>
      assertDeployableInProject('Weather', { region, projectRuntimes: ['weather', 'Weather'] }),
    ).toThrow(
      'Runtime names "weather" and "Weather" differ only by case, so they would share the ECR repository "agentcore-mcp/weather"; rename one of them',
    );
  });

  it('leaves a collision between two other runtimes to their own launch', () => {
    expect(() =>
      assertDeployableInProject('docs', { region, projectRuntimes: ['docs', 'A', 'a'] }),
    ).not.toThrow();
  });

  it('refuses an undeployable name first', () => {
    expect(() => assertDeployableInProject('server_', { region, projectRuntimes: [] })).toThrow(
      'rename it to "server"',
    );
  });
});

function catchError(run: () => void): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
