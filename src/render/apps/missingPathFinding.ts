import type { Finding, Location } from "../../findings/finding.js";
import type { RenderTarget } from "../RenderTarget.js";
import { renderFinding } from "../renderFindings.js";

/**
 * An error when an app's source path names a folder the repository does
 * not have: Argo CD ("app path does not exist") and Flux both fail to sync
 * it, so the gate must not pass it as an app with no resources.
 */
export function missingPathFinding(
  target: RenderTarget,
  files: readonly string[],
  dir: string,
  field: string,
  at: Location,
): Finding | undefined {
  // "\0none": a values-only source (`ref` without `path`) renders nothing.
  if (dir.startsWith("\0")) return undefined;
  const prefix = dir === "" || dir === "." ? "" : `${dir.replace(/\/+$/, "")}/`;
  if (prefix === "" || files.some((f) => f.startsWith(prefix))) {
    return undefined;
  }
  return renderFinding(
    target,
    "render/path-missing",
    `${field} "${dir}" does not exist in this repository; the app would ` +
      "fail to sync (fix the path or add the folder)",
    "error",
    at.path,
    at.line,
  );
}
