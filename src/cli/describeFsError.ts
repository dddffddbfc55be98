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
  if (!(err instanceof Error)) return undefined;
  const { code, path, syscall } = err as NodeJS.ErrnoException;
  const reason = code ? REASONS[code] : undefined;
  if (!reason || !path) return undefined;
  const verb = syscall === "open" || syscall === "stat" ? "open" : "use";
  return `cannot ${verb} ${path}: ${reason} (check the path)`;
}
