import { describe, expect, it } from 'vitest';

import {
  dockerBuildArgs,
  dockerLoginArgs,
  formatDockerCommand,
} from '../../src/build/dockerCommand.js';

const IMAGE =
  '123456789012.dkr.ecr.us-east-1.amazonaws.com/agentcore-mcp/example_server:20261125-120000';

describe('dockerBuildArgs', () => {
  it('builds a plain linux/arm64 image, without provenance or SBOM attestations, and pushes it', () => {
    expect(
      dockerBuildArgs({
        uri: IMAGE,
        dockerfile: 'apps/example-server/Dockerfile',
        observability: false,
      }),
    ).toEqual([
      'buildx',
      'build',
      '--platform',
      'linux/arm64',
      '--provenance=false',
      '--sbom=false',
      '-f',
      'apps/example-server/Dockerfile',
      '-t',
      IMAGE,
      '--push',
      '.',
    ]);
  });

  it('builds the observability stage when the runtime asks for it', () => {
    expect(dockerBuildArgs({ uri: IMAGE, dockerfile: 'Dockerfile', observability: true })).toEqual([
      'buildx',
      'build',
      '--platform',
      'linux/arm64',
      '--provenance=false',
      '--sbom=false',
      '--target',
      'observability',
      '-f',
      'Dockerfile',
      '-t',
      IMAGE,
      '--push',
      '.',
    ]);
  });
});

describe('dockerLoginArgs', () => {
  it('reads the password from stdin, so no argument holds it', () => {
    expect(dockerLoginArgs('123456789012.dkr.ecr.us-east-1.amazonaws.com')).toEqual([
      'login',
      '--username',
      'AWS',
      '--password-stdin',
      '123456789012.dkr.ecr.us-east-1.amazonaws.com',
    ]);
  });
});

describe('formatDockerCommand', () => {
  it.each([
    [
      ['buildx', 'build', '--provenance=false', '-t', IMAGE, '.'],
      `docker buildx build --provenance=false -t ${IMAGE} .`,
    ],
    [['build', '-f', 'my app/Dockerfile', '.'], "docker build -f 'my app/Dockerfile' ."],
    [['build', '-t', "it's", '.'], "docker build -t 'it'\\''s' ."],
    [['build', '-f', '$HOME/Dockerfile'], "docker build -f '$HOME/Dockerfile'"],
  ])('prints %j as a shell would read it', (args, line) => {
    expect(formatDockerCommand(args)).toBe(line);
  });
});
