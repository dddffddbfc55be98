import type { Finding } from "../../findings/finding.js";
import type { RenderTarget } from "../RenderTarget.js";
import { renderFinding } from "../renderFindings.js";
import type { Sandbox } from "./Sandbox.js";

/**
 * Error findings for files the sandbox refused to copy (symlinks leaving
 * the repository, devices) that this target reads or holds.
 */
export function refusedInputs(sb: Sandbox, target: RenderTarget): Finding[] {
  const inputs = new Set(target.inputs);
  const dir = target.path === "." ? "" : `${target.path}/`;
  return sb.refusals
    .filter((r) => inputs.has(r.path) || r.path.startsWith(dir))
    .map((r) =>
      renderFinding(target, "render/unsafe-file", r.reason, "error", r.path),
    );
}
