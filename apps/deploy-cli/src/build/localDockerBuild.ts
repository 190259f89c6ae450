import { spawn } from 'node:child_process';

import {
  GetAuthorizationTokenCommand,
  type GetAuthorizationTokenCommandOutput,
} from '@aws-sdk/client-ecr';

import type { AwsContext } from '../aws/awsContext.js';
import { CliError } from '../errors.js';
import {
  dockerBuildArgs,
  type DockerBuildImage,
  dockerLoginArgs,
  formatDockerCommand,
} from './dockerCommand.js';

/** What {@link localDockerBuild} builds and where it pushes it. */
export interface LocalDockerBuildImage extends DockerBuildImage {
  /** The registry host to log in to, `<account>.dkr.ecr.<region>.amazonaws.com`. */
  readonly registry: string;
}

/**
 * `launch --local-build`: builds the arm64 image with the local Docker (buildx; QEMU emulation on
 * x86 hosts) and pushes it, instead of CodeBuild. Logs in to ECR with a token from the SDK, passed
 * on stdin so it never appears in a process list or in the output. Prints each docker command line
 * before running it; a dry run prints them (and asks ECR for no token) without running docker.
 *
 * @param context - The AWS context (its `output` receives the command lines).
 * @param image - The registry, the image URI, the Dockerfile and whether to build observability.
 * @throws {@link CliError} `ERR_BUILD_FAILED` when docker is missing or a docker step fails.
 * @example
 * ```ts
 * await localDockerBuild(context, { registry, uri: imageUri, dockerfile: 'Dockerfile', observability: false });
 * ```
 */
export async function localDockerBuild(
  context: AwsContext,
  image: LocalDockerBuildImage,
): Promise<void> {
  const auth = await context.aws.send<Partial<GetAuthorizationTokenCommandOutput>>(
    context.clients.ecr,
    new GetAuthorizationTokenCommand({}),
    () => ({ authorizationData: [] }),
  );
  const login = dockerLoginArgs(image.registry);
  const build = dockerBuildArgs(image);
  const { output } = context;
  if (context.aws.dryRun) {
    output.result(`  would run: ${formatDockerCommand(login)} (the ECR token on stdin)`);
    output.result(`  would run: ${formatDockerCommand(build)}`);
    return;
  }
  const token = auth.authorizationData?.[0]?.authorizationToken;
  if (token === undefined) {
    throw new CliError('ERR_BUILD_FAILED', 'ECR returned no authorization token for docker login');
  }
  const password = Buffer.from(token, 'base64').toString('utf8').replace(/^AWS:/, '');
  output.result(`  $ ${formatDockerCommand(login)} (the ECR token on stdin)`);
  await docker(context, login, password);
  output.result(`  $ ${formatDockerCommand(build)}`);
  await docker(context, build);
}

function docker(context: AwsContext, args: string[], stdin?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // Docker's progress goes to stderr with the CLI's own (fd 2): stdout is for results (--json).
    const child = spawn('docker', args, {
      cwd: context.cwd,
      stdio: [stdin === undefined ? 'ignore' : 'pipe', 2, 'inherit'],
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(
        new CliError(
          'ERR_BUILD_FAILED',
          error.code === 'ENOENT'
            ? 'docker is not installed or not on PATH: install Docker with buildx, or drop --local-build to build with CodeBuild'
            : `docker ${args[0] ?? ''} could not start: ${error.message}`,
          { cause: error },
        ),
      );
    });
    child.on('close', (code) => {
      if (code === 0) resolve();
      else
        reject(
          new CliError(
            'ERR_BUILD_FAILED',
            `docker ${args.slice(0, 2).join(' ')} exited with ${code ?? 'a signal'} (docs/troubleshooting.md#image-build-failed)`,
          ),
        );
    });
    if (stdin !== undefined) child.stdin?.end(stdin);
  });
}
