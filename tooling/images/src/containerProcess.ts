import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/**
 * The process `buildah run` started for the container's command. buildah (chroot isolation) runs
 * it below two helper processes of its own, `buildah-chroot-runtime` and `buildah-chroot-exec`
 * (the buildah binary, run from a memfd): the first descendant that is neither is the command.
 *
 * @param buildahPid - The `buildah run` process.
 * @returns Its process id, or `undefined` if it is not (or no longer) running.
 */
export function findContainerProcess(buildahPid: number): number | undefined {
  const buildah = executableOf(buildahPid);
  let pid = buildahPid;
  for (let depth = 0; depth < 5 && buildah !== undefined; depth++) {
    const [child, ...others] = childrenOf(pid);
    if (child === undefined || others.length > 0) return undefined;
    pid = child;
    const executable = executableOf(pid);
    if (executable !== buildah && executable?.startsWith('/memfd:buildah-') !== true) return pid;
  }
  return undefined;
}

function executableOf(pid: number): string | undefined {
  try {
    return readlinkSync(`/proc/${pid}/exe`);
  } catch {
    return undefined;
  }
}

/** Children of every thread of `pid` (buildah is a Go program: any thread may fork). */
function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8')
        .split(' ')
        .filter((child) => child !== '')
        .map(Number),
    );
  } catch {
    return [];
  }
}
