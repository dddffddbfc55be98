const REASONS: Record<string, string> = {
  ENOENT: "no such file or directory",
  EISDIR: "it is a directory, a file was expected",
  ENOTDIR: "a part of the path is not a directory",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EEXIST: "it already exists",
  ENOSPC: "no space left on the device",
};

/**
 * A user-facing sentence for a file-system error on a path the user gave
 * (`--output /tmp`, `rego eval -d nope/`), or undefined for other errors.
 */
export function describeFsError(err: unknown): string | undefined {
  const reason = fsReason(err);
  const { path, syscall } = err as NodeJS.ErrnoException;
  if (!reason || !path) return undefined;
  const verb = syscall === "open" || syscall === "stat" ? "open" : "use";
  return `cannot ${verb} ${path}: ${reason} (check the path)`;
}

/**
 * Why a file-system call failed, in words (`no such file or directory`),
 * or undefined when `err` is not a file-system error we know.
 */
export function fsReason(err: unknown): string | undefined {
  if (!(err instanceof Error)) return undefined;
  const { code } = err as NodeJS.ErrnoException;
  return code ? REASONS[code] : undefined;
}
