import { constants } from "node:fs";
import {
  copyFile,
  mkdir,
  readdir,
  readlink,
  realpath,
  symlink,
} from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";

/** A file the sandbox refused to copy, and why. */
export interface CopyRefusal {
  /** Relative to the checkout, forward slashes. */
  path: string;
  reason: string;
}

/** Message for a symlink whose target is outside the checkout. */
export const SYMLINK_ESCAPES =
  "symlink points outside the repository; refused before rendering";
/** Message for a symlink whose target does not exist. */
export const SYMLINK_DANGLING =
  "symlink target does not exist; refused before rendering";
/** Message for sockets, FIFOs and devices. */
export const SPECIAL_FILE =
  "not a regular file, directory or symlink; refused before rendering";

/**
 * Copies a checkout into `dest` so that tools never read the shared
 * checkout. Symlinks are resolved first: one that leaves `src` (or dangles)
 * is not copied and is returned as a refusal; one that stays inside is
 * recreated as a relative link. `.git` is skipped.
 */
export async function copyCheckout(
  src: string,
  dest: string,
): Promise<CopyRefusal[]> {
  const root = await realpath(src);
  const refusals: CopyRefusal[] = [];
  await copyDir(root, resolve(dest), "", refusals);
  return refusals.sort((a, b) => a.path.localeCompare(b.path));
}

async function copyDir(
  root: string,
  dest: string,
  rel: string,
  refusals: CopyRefusal[],
): Promise<void> {
  await mkdir(join(dest, rel), { recursive: true });
  const entries = await readdir(join(root, rel), { withFileTypes: true });
  await Promise.all(
    entries.map(async (entry) => {
      const path = rel === "" ? entry.name : `${rel}/${entry.name}`;
      if (path === ".git") return;
      if (entry.isDirectory()) return copyDir(root, dest, path, refusals);
      if (entry.isFile()) {
        return copyFile(
          join(root, path),
          join(dest, path),
          constants.COPYFILE_FICLONE,
        );
      }
      if (entry.isSymbolicLink()) {
        return copyLink(root, dest, path, refusals);
      }
      refusals.push({ path, reason: SPECIAL_FILE });
    }),
  );
}

async function copyLink(
  root: string,
  dest: string,
  path: string,
  refusals: CopyRefusal[],
): Promise<void> {
  const target = await resolvedTarget(join(root, path));
  if (target === undefined) {
    refusals.push({ path, reason: SYMLINK_DANGLING });
    return;
  }
  if (!isInside(root, target)) {
    refusals.push({ path, reason: SYMLINK_ESCAPES });
    return;
  }
  const from = join(dest, path);
  const to = join(dest, relative(root, target));
  await symlink(relative(dirname(from), to) || ".", from);
}

async function resolvedTarget(link: string): Promise<string | undefined> {
  try {
    // Read the link first so a loop or a missing target is told apart from
    // other I/O errors, which must not be swallowed.
    await readlink(link);
    return await realpath(link);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ELOOP") return undefined;
    throw new Error(`sandbox: cannot resolve symlink ${link}`, { cause });
  }
}

/** True when `path` is `root` or below it. */
export function isInside(root: string, path: string): boolean {
  return (
    path === root || path.startsWith(root.endsWith(sep) ? root : root + sep)
  );
}
