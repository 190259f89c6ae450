import type { ImageSpec, ImageTarget } from './imageSpec.js';
import { prepareInitProject } from './initProject.js';

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
 * Every image `pnpm images` builds, in order. To add one, add an entry: its build context, its
 * Dockerfile (or a `prepare` that generates them), the command to run and what to ask it.
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
  {
    // The project `agentcore-mcp init` generates (server template), with its Dockerfile as written.
    name: 'init-server',
    context: 'apps/deploy-cli/templates/server',
    dockerfile: 'apps/deploy-cli/templates/server/Dockerfile',
    prepare: prepareInitProject('server'),
    targets: [OBSERVABILITY],
    check: {
      kind: 'server',
      command: ['node', 'dist/src/main.js'],
      call: {
        name: 'greet_user',
        arguments: { name: MESSAGE },
        expectText: `Hello, ${MESSAGE}! Nice to meet you.`,
      },
    },
  },
  {
    // The gateway template: the gateway.json baked into the image, whose one target `example` is
    // at ${EXAMPLE_SERVER_URL}: point it at an example-server on this machine.
    name: 'init-gateway',
    context: 'apps/deploy-cli/templates/gateway',
    dockerfile: 'apps/deploy-cli/templates/gateway/Dockerfile',
    prepare: prepareInitProject('gateway'),
    targets: [OBSERVABILITY],
    check: {
      kind: 'server',
      command: ['node_modules/.bin/agentcore-mcp-gateway'],
      env: async ({ upstreamUrl }) => ({ EXAMPLE_SERVER_URL: await upstreamUrl() }),
      call: {
        name: 'example___echo_message',
        arguments: { message: MESSAGE },
        expectText: `Echo: ${MESSAGE}`,
      },
    },
  },
];
