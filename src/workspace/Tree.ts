/**
 * A read-only checkout of one revision on disk. Renderers get a private
 * copy of it (the sandbox); checks read files through it.
 */
export interface Tree {
  /** Absolute directory holding the checkout. */
  dir: string;
  /** Which side of the change this is. */
  side: "base" | "head";
  /** The revision (commit SHA or ref) when known; absent for a work tree. */
  rev?: string;
  /** Every regular file and symlink, relative, forward slashes, sorted. */
  files(): Promise<string[]>;
  /** Reads a file by relative path; rejects paths that leave the tree. */
  readFile(path: string): Promise<Buffer>;
}
