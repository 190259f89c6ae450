import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import type { ServerProcess } from '@agentcore-mcp/server-kit/process';

import { type Buildah, createBuildah } from './buildah.js';
import { checkImage } from './checkImage.js';
import { ExecError } from './exec.js';
import { formatDuration, type SummaryRow } from './formatSummary.js';
import { createHostUpstream } from './hostUpstream.js';
import type { ImageSpec, PrepareContext, PreparedBuild } from './imageSpec.js';
import { ensureNodeStandIn, useNodeStandIn } from './nodeStandIn.js';
import type { ImagesArgs } from './parseImagesArgs.js';
import { PLATFORMS, toNativePlatform } from './platforms.js';
import { createWorkspaceRegistry } from './workspaceRegistry.js';

/** Options of {@link runImages}. */
export interface RunImagesOptions {
  readonly args: ImagesArgs;
  /** The images to choose from (`args.names` selects among them). */
  readonly images: readonly ImageSpec[];
  /** The repository root: image contexts and Dockerfiles are relative to it. */
  readonly repoRoot: string;
  /** buildah's store, the logs and the base's scratch space go here. */
  readonly workDir: string;
  /** Where progress lines go. */
  readonly print: (line: string) => void;
  /** Told about the server under check, so that an interrupt can kill it. */
  readonly onServer?: (server: ServerProcess | undefined) => void;
}

/**
 * Builds the Node 24 base stand-in if it is not cached, then builds and checks each selected image
 * (and its extra `--target`s) for `args.platform`, one after the other, and finally removes the
 * images it built (unless `args.keep`). A failure is recorded and the next image still runs.
 *
 * @param options - What to build, where, and where progress goes.
 * @returns One summary row per base and image, in order.
 */
export async function runImages(options: RunImagesOptions): Promise<SummaryRow[]> {
  const { args, print } = options;
  const { platform } = args;
  const { arch } = PLATFORMS[platform];
  const emulated = platform !== toNativePlatform();
  const logs = join(options.workDir, 'logs', arch);
  rmSync(logs, { recursive: true, force: true });
  mkdirSync(logs, { recursive: true });
  const buildah = createBuildah(options.workDir);
  // The store is ours alone: any container in it was left by an interrupted run.
  await buildah.run(['rm', '--all']).catch(() => undefined);

  const rows: SummaryRow[] = [];
  const failed = (row: Omit<SummaryRow, 'ok' | 'result'>, error: unknown, logFile: string) => {
    const message = (error as Error).message;
    rows.push({ ...row, ok: false, result: message.split('\n')[0] ?? message });
    print(`  FAILED: ${message}`);
    if (error instanceof ExecError) for (const line of error.tail) print(`  | ${line}`);
    print(`  full log: ${logFile}`);
  };

  const baseLog = join(logs, 'node-standin.log');
  print(`node:24-slim stand-in (${platform}): looking for it in ${options.workDir}/storage`);
  try {
    const base = await ensureNodeStandIn(buildah, {
      platform,
      workDir: options.workDir,
      logFile: baseLog,
      rebuild: args.rebuildBase,
    });
    await useNodeStandIn(buildah, base.tag);
    const result = base.builtMs === undefined ? `cached (${base.tag})` : `built: ${base.tag}`;
    print(`  ${result}${base.builtMs === undefined ? '' : ` in ${formatDuration(base.builtMs)}`}`);
    rows.push({
      image: 'node:24-slim stand-in',
      platform,
      buildMs: base.builtMs,
      startMs: undefined,
      checkMs: undefined,
      ok: true,
      result,
    });
  } catch (error) {
    const row = {
      image: 'node:24-slim stand-in',
      platform,
      buildMs: undefined,
      startMs: undefined,
      checkMs: undefined,
    };
    failed(row, error, baseLog);
    return rows;
  }

  const built: string[] = [];
  const upstream = createHostUpstream();
  const registry = createWorkspaceRegistry({
    repoRoot: options.repoRoot,
    dir: join(options.workDir, 'packages'),
    logFile: join(logs, 'workspace-registry.log'),
  });
  try {
    for (const spec of options.images.filter(({ name }) => args.names.includes(name))) {
      const prepared = await prepareBuild(spec, {
        repoRoot: options.repoRoot,
        scratchDir: join(options.workDir, 'projects', spec.name),
        logFile: join(logs, `${spec.name}.log`),
        registryUrl: registry.url,
        print,
      }).catch((error: unknown) => {
        const row = { image: spec.name, platform, buildMs: undefined, startMs: undefined };
        failed({ ...row, checkMs: undefined }, error, join(logs, `${spec.name}.log`));
        return undefined;
      });
      if (prepared === undefined) continue;
      try {
        for (const stage of [undefined, ...(spec.targets ?? [])]) {
          const target = stage?.target;
          const id = target === undefined ? spec.name : `${spec.name}-${target}`;
          const image = target === undefined ? spec.name : `${spec.name} --target ${target}`;
          const tag = `localhost/agentcore-mcp-images/${id}:${arch}`;
          const logFile = join(logs, `${id}.log`);
          let buildMs: number | undefined;
          let checkedAt: number | undefined;
          try {
            print(`${image} (${platform}): building`);
            buildMs = await build(buildah, {
              prepared,
              target,
              tag,
              logFile,
              emulated,
              ...options,
            });
            built.push(tag);
            print(`  built in ${formatDuration(buildMs)}; checking`);
            checkedAt = performance.now();
            const checked = await checkImage({
              buildah,
              image: tag,
              platform,
              check: spec.check,
              ...(stage?.expectLine === undefined ? {} : { expectLine: stage.expectLine }),
              context: upstream,
              logFile,
              emulated,
              ...(options.onServer === undefined ? {} : { onServer: options.onServer }),
            });
            const checkMs = performance.now() - checkedAt;
            print(`  ok in ${formatDuration(checkMs)}: ${checked.passed.join(', ')}`);
            rows.push({
              image,
              platform,
              buildMs,
              startMs: checked.startMs,
              checkMs,
              ok: true,
              result: checked.passed.join(', '),
            });
          } catch (error) {
            const checkMs = checkedAt === undefined ? undefined : performance.now() - checkedAt;
            failed({ image, platform, buildMs, startMs: undefined, checkMs }, error, logFile);
          }
        }
      } finally {
        await prepared.cleanup();
      }
    }
  } finally {
    await upstream.stop();
    await registry.stop();
    await removeImages(buildah, args.keep ? [] : built, print);
    if (args.keep)
      print(`kept: ${built.join(' ')} (buildah ${buildah.storeArgs.join(' ')} images)`);
  }
  return rows;
}

/**
 * The context and Dockerfile to build `spec` from: what its `prepare` makes (timed and printed),
 * else its own two paths in the repository.
 */
async function prepareBuild(
  spec: ImageSpec,
  context: PrepareContext & { readonly print: (line: string) => void },
): Promise<PreparedBuild> {
  if (spec.prepare === undefined)
    return {
      context: join(context.repoRoot, spec.context),
      dockerfile: join(context.repoRoot, spec.dockerfile),
      cleanup: () => Promise.resolve(),
    };
  context.print(`${spec.name}: preparing its build context`);
  const startedAt = performance.now();
  const prepared = await spec.prepare(context);
  context.print(
    `  prepared in ${formatDuration(performance.now() - startedAt)}: ${prepared.context}`,
  );
  return prepared;
}

interface BuildOptions {
  readonly prepared: PreparedBuild;
  readonly target: string | undefined;
  readonly tag: string;
  readonly logFile: string;
  readonly emulated: boolean;
  readonly args: ImagesArgs;
}

/** `buildah bud` as shared/research/images.md §3 found it to work here; returns its time in ms. */
async function build(buildah: Buildah, options: BuildOptions): Promise<number> {
  const { prepared, target, args } = options;
  try {
    const result = await buildah.run(
      [
        'bud',
        // No OCI runtime works here (cgroups): RUN steps run chrooted, on the host's network.
        '--isolation',
        'chroot',
        '--network',
        'host',
        // The base is the local stand-in; nothing is pulled.
        '--pull=never',
        '--layers',
        '--platform',
        args.platform,
        ...(target === undefined ? [] : ['--target', target]),
        '--file',
        prepared.dockerfile,
        '--tag',
        options.tag,
        prepared.context,
      ],
      {
        logFile: options.logFile,
        echo: args.verbose,
        timeoutMs: (options.emulated ? 60 : 20) * 60_000,
      },
    );
    return result.ms;
  } catch (error) {
    if (!(error instanceof ExecError)) throw error;
    // buildah ends with `Error: building at STEP "…": exit status 2`: the one line worth showing.
    const reason = error.tail.findLast((line) => line.startsWith('Error: '))?.slice(7);
    throw new ExecError(`build failed: ${reason ?? error.message}`, error.tail, { cause: error });
  }
}

/**
 * Removes the containers left in the store and the given images with the layers only they used;
 * the cached base stays.
 */
async function removeImages(
  buildah: Buildah,
  tags: readonly string[],
  print: (line: string) => void,
): Promise<void> {
  try {
    // A build can leave a working container behind; every container in this store is ours.
    await buildah.run(['rm', '--all']);
    if (tags.length === 0) return;
    await buildah.run(['rmi', ...tags]);
    // Dangling images in this store are the layer cache of the builds above.
    await buildah.run(['rmi', '--prune']);
  } catch (error) {
    print(`could not remove every image: ${(error as Error).message}`);
  }
}
