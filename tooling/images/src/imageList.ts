import type { ImageSpec, ImageTarget } from './imageSpec.js';

const MESSAGE = 'from the image';

/** The Dockerfiles' `observability` stage: the same app with ADOT for Node preloaded. */
const OBSERVABILITY: ImageTarget = {
  target: 'observability',
  expectLine: {
    pattern: /AWS Distro of OpenTelemetry automatic instrumentation started successfully/,
    proves: 'ADOT started',
  },
};

/**
 * Every image `pnpm images` builds, in order. To add one (e.g. the Dockerfile `agentcore-mcp init`
 * generates), add an entry: its build context, its Dockerfile, the command to run and what to ask it.
 */
export const IMAGES: readonly ImageSpec[] = [
  {
    name: 'example-server',
    context: '.',
    dockerfile: 'apps/example-server/Dockerfile',
    targets: [OBSERVABILITY],
    check: {
      kind: 'server',
      command: ['node', 'dist/main.js'],
      call: {
        name: 'echo_message',
        arguments: { message: MESSAGE },
        expectText: `Echo: ${MESSAGE}`,
      },
    },
  },
  {
    name: 'external-server',
    context: '.',
    dockerfile: 'apps/external-server/Dockerfile',
    targets: [OBSERVABILITY],
    check: {
      kind: 'server',
      command: ['node', 'dist/main.js'],
      call: {
        name: 'external_echo',
        arguments: { message: MESSAGE },
        expectText: `External Server Echo: ${MESSAGE}`,
      },
    },
  },
  {
    name: 'gateway-service',
    context: '.',
    dockerfile: 'apps/gateway-service/Dockerfile',
    targets: [OBSERVABILITY],
    check: {
      kind: 'server',
      command: ['node', 'dist/main.js'],
      // The image holds no configuration: give it one target, an example-server on this machine.
      env: async ({ upstreamUrl }) => ({
        GATEWAY_CONFIG: JSON.stringify({ mcpServers: { example: { url: await upstreamUrl() } } }),
      }),
      call: {
        name: 'example___echo_message',
        arguments: { message: MESSAGE },
        expectText: `Echo: ${MESSAGE}`,
      },
    },
  },
  {
    name: 'deploy-cli',
    context: '.',
    dockerfile: 'apps/deploy-cli/Dockerfile',
    // The CLI image's ENTRYPOINT is `node /app/dist/cli.js`; --version loads the whole bundle.
    check: {
      kind: 'command',
      command: ['node', '/app/dist/cli.js', '--version'],
      expectStdout: /^\d+\.\d+\.\d+/,
    },
  },
];
