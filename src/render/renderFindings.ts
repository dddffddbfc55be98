import type { Finding, Severity } from "../findings/finding.js";
import type { RenderTarget, RenderedTarget } from "./RenderTarget.js";
import type { ToolResult } from "./sandbox/runTool.js";
import type { RenderLimits } from "./sandbox/Sandbox.js";

/**
 * A `render` finding on a target's entry file.
 *
 * @param path - the file a human edits (defaults to the target's path)
 */
export function renderFinding(
  target: RenderTarget,
  ruleId: string,
  message: string,
  severity: Severity = "error",
  path: string = target.path,
  line?: number,
): Finding {
  const finding: Finding = {
    check: "render",
    ruleId,
    severity,
    message,
    location: line === undefined ? { path } : { path, line },
    target: target.id,
  };
  if (target.environment !== undefined) {
    finding.environment = target.environment;
  }
  return finding;
}

/** A failed render holding the given findings. */
export function failed(
  target: RenderTarget,
  findings: Finding[],
): RenderedTarget {
  return { target, ok: false, resources: [], findings };
}

/**
 * Explains a tool run that did not succeed, or returns undefined when it
 * exited 0 within its limits.
 *
 * @param tool - `kustomize` or `helm`, named in the message
 * @param sanitize - removes temp paths from the tool's own message
 */
export function toolFailure(
  target: RenderTarget,
  tool: string,
  result: ToolResult,
  limits: RenderLimits,
  sanitize: (s: string) => string,
  path: string = target.path,
): Finding | undefined {
  const on = (ruleId: string, message: string) =>
    renderFinding(target, ruleId, message, "error", path);
  switch (result.refusal) {
    case "timeout":
      return on(
        "render/timeout",
        `${tool} did not finish within ${limits.timeoutSeconds} s; ` +
          "it was stopped",
      );
    case "output":
      return on(
        "render/output-too-large",
        `${tool} output exceeded ${limits.maxOutputMB} MB; it was stopped`,
      );
    case "aborted":
      return on("render/aborted", `${tool} was cancelled`);
    case "spawn":
      return on(
        "render/tool-failed",
        `${tool} could not be started (${result.spawnError ?? "error"})`,
      );
  }
  if (result.code === 0) return undefined;
  if (/fatal error: (runtime: )?out of memory/.test(result.stderr)) {
    return on(
      "render/memory",
      `${tool} exceeded the ${limits.maxMemoryMB} MB memory limit`,
    );
  }
  const text = sanitize(result.stderr) || `exit code ${result.code}`;
  return on("render/failed", `${tool} failed: ${text}`);
}
