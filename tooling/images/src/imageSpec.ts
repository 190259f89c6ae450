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

/**
 * One image `pnpm images` builds and checks. Every image is also checked to run as a non-root user
 * (`id -u` ≠ 0) on Node 24 for the platform it was built for.
 */
export interface ImageSpec {
  /** Selects it on the command line (`pnpm images example-server`); also names its tag and log. */
  readonly name: string;
  /** The build context, relative to the repository root. */
  readonly context: string;
  /** The Dockerfile, relative to the repository root. */
  readonly dockerfile: string;
  /** Further stages built with `--target` and checked the same way, after the default image. Default: none. */
  readonly targets?: readonly ImageTarget[];
  readonly check: ServerCheck | CommandCheck;
}
