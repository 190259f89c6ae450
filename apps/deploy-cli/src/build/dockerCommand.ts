import { OBSERVABILITY_STAGE } from './checkDockerfile.js';

/** The image `launch --local-build` builds and pushes. */
export interface DockerBuildImage {
  /** The full image URI with its tag, `<account>.dkr.ecr.<region>.amazonaws.com/<repo>:<tag>`. */
  readonly uri: string;
  /** The Dockerfile, relative to the build context (the project root). */
  readonly dockerfile: string;
  /** Build the Dockerfile's `observability` stage (ADOT) instead of its last stage. */
  readonly observability: boolean;
}

/**
 * The arguments of `docker login` for an ECR registry. The password (the ECR token) goes on
 * stdin (`--password-stdin`), so it is in no argument and no process list.
 *
 * @param registry - The registry host, `<account>.dkr.ecr.<region>.amazonaws.com`.
 * @returns The arguments after `docker`.
 * @example
 * ```ts
 * dockerLoginArgs('123456789012.dkr.ecr.us-east-1.amazonaws.com');
 * // ['login', '--username', 'AWS', '--password-stdin', '123456789012.dkr.ecr.us-east-1.amazonaws.com']
 * ```
 */
export function dockerLoginArgs(registry: string): string[] {
  return ['login', '--username', 'AWS', '--password-stdin', registry];
}

/**
 * The arguments of the `docker buildx build` that `launch --local-build` runs from the project
 * root: linux/arm64 (AgentCore runs arm64 only), pushed straight to ECR. Since buildx 0.10 a
 * push carries a provenance attestation by default (and an SBOM where the builder is set up for
 * one), which makes the pushed manifest an image index with an extra `unknown/unknown` entry.
 * `--provenance=false --sbom=false` keep both off, so ECR gets a plain single-platform
 * linux/arm64 image, the same shape CodeBuild's `docker build` and AWS's own tools push.
 *
 * @param image - The image URI, the Dockerfile and whether to build the observability stage.
 * @returns The arguments after `docker`.
 * @example
 * ```ts
 * dockerBuildArgs({ uri: `${repositoryUri}:20261125-120000`, dockerfile: 'Dockerfile', observability: false });
 * // ['buildx', 'build', '--platform', 'linux/arm64', '--provenance=false', '--sbom=false', '-f', 'Dockerfile', '-t', '…:20261125-120000', '--push', '.']
 * ```
 */
export function dockerBuildArgs(image: DockerBuildImage): string[] {
  return [
    'buildx',
    'build',
    '--platform',
    'linux/arm64',
    '--provenance=false',
    '--sbom=false',
    ...(image.observability ? ['--target', OBSERVABILITY_STAGE] : []),
    '-f',
    image.dockerfile,
    '-t',
    image.uri,
    '--push',
    '.',
  ];
}

/**
 * A `docker` command line as a POSIX shell would read it: arguments with characters the shell
 * treats specially are single-quoted. For printing only; the CLI runs docker without a shell.
 *
 * @param args - The arguments after `docker`.
 * @returns `docker …`, one line.
 * @example
 * ```ts
 * formatDockerCommand(['build', '-f', 'my app/Dockerfile', '.']); // "docker build -f 'my app/Dockerfile' ."
 * ```
 */
export function formatDockerCommand(args: readonly string[]): string {
  return ['docker', ...args.map(quoteForShell)].join(' ');
}

function quoteForShell(arg: string): string {
  if (/^[\w@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}
