import type { RepoRef } from "../github/GitHub.js";

/** Where an `_extends` value points. */
export interface ExtendsTarget extends RepoRef {
  path: string;
}

const FORM = /^(?:([\w.-]+)\/)?([\w.-]+)(?::([^\s]+))?$/;

/**
 * Reads Probot's `_extends` forms: `repo`, `owner/repo`, and either with
 * `:path`. The owner defaults to the repository's, the path to the file
 * being read. Returns undefined for anything else. Pure.
 * @example parseExtends("acme/.github:gitops.yml", "acme", ".github/x.yml")
 */
export function parseExtends(
  value: string,
  owner: string,
  defaultPath: string,
): ExtendsTarget | undefined {
  const m = FORM.exec(value.trim());
  if (!m?.[2]) return undefined;
  const path = m[3] ?? defaultPath;
  if (path.split("/").includes("..") || path.startsWith("/")) return undefined;
  return { owner: m[1] ?? owner, repo: m[2], path };
}
