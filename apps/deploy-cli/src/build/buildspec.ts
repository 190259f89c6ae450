/** What the CodeBuild build needs to know. */
export interface BuildspecInput {
  /** The app's Dockerfile, relative to the repository root, e.g. `apps/example-server/Dockerfile`. */
  readonly dockerfile: string;
  /** `<account>.dkr.ecr.<region>.amazonaws.com/<repository>`. */
  readonly imageRepositoryUri: string;
  /** The image tag, e.g. `20261125-120000`. */
  readonly imageTag: string;
  /** The registry host to log in to, `<account>.dkr.ecr.<region>.amazonaws.com`. */
  readonly registry: string;
  /** The region of the registry. */
  readonly region: string;
  /** Build the Dockerfile's `observability` stage (ADOT auto-instrumentation). */
  readonly observability: boolean;
}

/**
 * The CodeBuild buildspec: log in to ECR, build the app's Dockerfile with BuildKit (the Dockerfiles
 * use cache mounts) from the repository root for linux/arm64 (CodeBuild's ARM_CONTAINER builds
 * natively), push `<tag>` and `latest`.
 *
 * @param input - Dockerfile, image coordinates, observability.
 * @returns The buildspec, as YAML text.
 */
export function renderBuildspec(input: BuildspecInput): string {
  const image = `${input.imageRepositoryUri}:${input.imageTag}`;
  const target = input.observability ? ' --target observability' : '';
  return [
    'version: 0.2',
    'env:',
    '  variables:',
    "    DOCKER_BUILDKIT: '1'",
    'phases:',
    '  pre_build:',
    '    commands:',
    `      - aws ecr get-login-password --region ${input.region} | docker login --username AWS --password-stdin ${input.registry}`,
    '  build:',
    '    commands:',
    `      - docker build --platform linux/arm64${target} -f ${input.dockerfile} -t ${image} -t ${input.imageRepositoryUri}:latest .`,
    '  post_build:',
    '    commands:',
    `      - docker push ${image}`,
    `      - docker push ${input.imageRepositoryUri}:latest`,
    '',
  ].join('\n');
}
