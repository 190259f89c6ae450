/** What a check can ask for while it runs (each is started on first use and stopped at the end). */
export interface CheckContext {
  /**
   * The MCP URL of an example-server running on this machine (from the workspace's build), for an
   * image that needs an upstream. Containers share the host's network (chroot isolation), so the
   * URL works from inside them as it is.
   */
  readonly upstreamUrl: () => Promise<string>;
}

/** The `tools/call` a server image must answer, and the text its first content item must be. */
export interface ToolCallCheck {
  readonly name: string;
  readonly arguments: Readonly<Record<string, unknown>>;
  readonly expectText: string;
}

/**
 * A server image: started with `HOST=127.0.0.1` and a free `PORT`, it must print server-kit's
 * listening line, answer `GET /ping`, and answer `call` over MCP (streamable HTTP).
 */
export interface ServerCheck {
  readonly kind: 'server';
  /** The command the container runs, from the image's `WORKDIR` (`buildah run` ignores `CMD`). */
  readonly command: readonly string[];
  /** Extra container environment, e.g. the gateway's configuration. Default: none. */
  readonly env?: (context: CheckContext) => Promise<Readonly<Record<string, string>>>;
  readonly call: ToolCallCheck;
}

/** A command-line image: `command` must exit 0 with stdout matching `expectStdout`. */
export interface CommandCheck {
  readonly kind: 'command';
  readonly command: readonly string[];
  readonly expectStdout: RegExp;
}

/** A further stage of the Dockerfile, built with `--target` and checked like the default image. */
export interface ImageTarget {
  /** The stage name, e.g. `observability`. */
  readonly target: string;
  /**
   * A line the running image must print besides, and what that line proves (the summary shows
   * it), e.g. that instrumentation loaded. Default: none.
   */
  readonly expectLine?: { readonly pattern: RegExp; readonly proves: string };
}

/** What an image's `prepare` gets (see {@link ImageSpec.prepare}). */
export interface PrepareContext {
  /** The repository root. */
  readonly repoRoot: string;
  /** A directory for this image alone, absent at first, e.g. for a generated project. */
  readonly scratchDir: string;
  /** The image's log file: log the commands run and their output here. */
  readonly logFile: string;
  /**
   * The URL (ending with `/`) of an npm registry on 127.0.0.1 that serves the workspace's public
   * `@agentcore-mcp/*` packages, packed as they would be published; started on first use and
   * stopped after the last image. A build's `RUN npm ci` reaches it (chroot isolation shares the
   * host's network).
   */
  readonly registryUrl: () => Promise<string>;
}

/** The build context `prepare` made: absolute paths, and how to remove it afterwards. */
export interface PreparedBuild {
  readonly context: string;
  readonly dockerfile: string;
  /** Called after the image and all its targets are built and checked. */
  readonly cleanup: () => Promise<void>;
}

/**
 * One image `pnpm images` builds and checks. Every image is also checked to run as a non-root user
 * (`id -u` ≠ 0) on Node 24 for the platform it was built for.
 */
export interface ImageSpec {
  /** Selects it on the command line (`pnpm images example-server`); also names its tag and log. */
  readonly name: string;
  /** The build context, relative to the repository root (with `prepare`: where it comes from). */
  readonly context: string;
  /**
   * The Dockerfile, relative to the repository root (with `prepare`: the file the generated one
   * comes from; its stages must still hold the `targets`).
   */
  readonly dockerfile: string;
  /**
   * Makes the build context first, e.g. a project `agentcore-mcp init` generates; its `context`
   * and `dockerfile` are used instead of the two above. Default: the repository as it is.
   */
  readonly prepare?: (context: PrepareContext) => Promise<PreparedBuild>;
  /** Further stages built with `--target` and checked the same way, after the default image. Default: none. */
  readonly targets?: readonly ImageTarget[];
  readonly check: ServerCheck | CommandCheck;
}
