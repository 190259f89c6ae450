import type { TemplateName } from './templateFiles.js';
import { CATALOG_RANGES, type CatalogPackage, type ReadVersion } from './templateVersions.js';

/** The `package.json` of a generated project. */
export interface ProjectManifest {
  readonly name: string;
  readonly version: string;
  readonly private: true;
  readonly description: string;
  readonly type: 'module';
  readonly engines: { readonly node: string };
  readonly scripts: Readonly<Record<string, string>>;
  readonly dependencies: Readonly<Record<string, string>>;
  readonly devDependencies: Readonly<Record<string, string>>;
}

/**
 * Builds the `package.json` of a generated project. Our packages are caret ranges of the versions
 * this CLI ships with (`readVersion`), the CLI itself a devDependency (so `npm run dev` runs
 * `agentcore-mcp dev`); third-party packages use the ranges this repository tests with.
 * - `server`: `build` (tsc), `start` (`node dist/src/main.js`), `dev`, `test` (build, then
 *   `node --test` on the compiled tests); server-kit and its peers (`@modelcontextprotocol/server`,
 *   express, zod), and the MCP SDK client for the tests.
 * - `gateway`: `start` (`agentcore-mcp-gateway --config gateway.json`), `dev`, `test`; the gateway
 *   service, and as devDependencies server-kit with its peers for the test's fake target and the
 *   MCP SDK client.
 *
 * @param template - The template.
 * @param name - The package name.
 * @param readVersion - Reads our packages' versions.
 * @returns The manifest.
 * @example
 * ```ts
 * buildProjectManifest('server', 'my-server', readShippedVersion).dependencies['@agentcore-mcp/server-kit']; // '^0.1.0'
 * ```
 */
export function buildProjectManifest(
  template: TemplateName,
  name: string,
  readVersion: ReadVersion,
): ProjectManifest {
  const own = (packageName: Parameters<ReadVersion>[0]) => ({
    [packageName]: `^${readVersion(packageName)}`,
  });
  const catalog = (...names: CatalogPackage[]) =>
    Object.fromEntries(names.map((packageName) => [packageName, CATALOG_RANGES[packageName]]));
  const serverKit = {
    ...own('@agentcore-mcp/server-kit'),
    ...catalog('@modelcontextprotocol/server', 'express', 'zod'),
  };
  const common = { name, version: '0.1.0', private: true } as const;
  switch (template) {
    case 'server':
      return {
        ...common,
        description: 'An MCP server for Amazon Bedrock AgentCore Runtime, built with server-kit.',
        type: 'module',
        engines: { node: '>=20' },
        scripts: {
          build: 'tsc',
          start: 'node dist/src/main.js',
          dev: 'agentcore-mcp dev',
          test: 'npm run build && node --test dist/test/*.test.js',
        },
        dependencies: serverKit,
        devDependencies: sorted({
          ...own('@agentcore-mcp/cli'),
          ...catalog('@modelcontextprotocol/client', '@types/node', 'tsx', 'typescript'),
        }),
      };
    case 'gateway':
      return {
        ...common,
        description: 'An MCP gateway for Amazon Bedrock AgentCore Runtime (gateway-service).',
        type: 'module',
        engines: { node: '>=20' },
        scripts: {
          start: 'agentcore-mcp-gateway --config gateway.json',
          dev: 'agentcore-mcp dev',
          test: 'node --test test/*.test.mjs',
        },
        dependencies: own('@agentcore-mcp/gateway-service'),
        devDependencies: sorted({
          ...own('@agentcore-mcp/cli'),
          ...serverKit,
          ...catalog('@modelcontextprotocol/client'),
        }),
      };
  }
}

/**
 * The manifest as npm writes it: two-space JSON ending with a newline.
 *
 * @param manifest - The manifest.
 * @returns The file content.
 * @example
 * ```ts
 * formatProjectManifest(buildProjectManifest('server', 'my-server', readShippedVersion));
 * ```
 */
export function formatProjectManifest(manifest: ProjectManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function sorted(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
