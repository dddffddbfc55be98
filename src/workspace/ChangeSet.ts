/** A line that a commit adds. */
export interface AddedLine {
  path: string;
  /** 1-based line number in the file as of that commit. */
  line: number;
  text: string;
}

/** One commit of the change, with what it adds. */
export interface CommitPatch {
  sha: string;
  subject: string;
  added: AddedLine[];
  /** Paths the commit deletes. */
  deleted: string[];
}

/** What a change touches, between a base and a head. */
export interface ChangeSet {
  /** True when no base was given: every target counts as touched. */
  all: boolean;
  /** Paths changed between base and head (added, modified, deleted). */
  paths: string[];
  /** The commits between base and head, oldest first (may be empty). */
  commits: CommitPatch[];
  /**
   * The text of `path` as of commit `sha`, so that a commit's added lines
   * can be read in their file (a Secret's `data`, a container's `env`);
   * undefined when the file is absent, binary, too large or unreadable.
   */
  readAt?(sha: string, path: string): Promise<string | undefined>;
}
