import { readFile, writeFile } from "node:fs/promises";
import { join, posix, relative } from "node:path";
import { stringify } from "yaml";
import type { Finding, Location } from "../../findings/finding.js";
import type { RenderedTarget, RenderTarget } from "../RenderTarget.js";
import { failed, renderFinding, toolFailure } from "../renderFindings.js";
import type { RenderLimits, Sandbox } from "../sandbox/Sandbox.js";
import { INSTALL_HINT } from "../sandbox/findTools.js";
import { parseRendered } from "../parseRendered.js";
import { explainKustomizeError } from "./explainKustomizeError.js";
import { unwrapKustomizeError } from "./unwrapError.js";
import { locateKustomizeError } from "./locateKustomizeError.js";
import { renderedResource } from "../renderedResource.js";
import { SourceIndex } from "../locate/SourceIndex.js";
import { takeOrigin } from "../locate/kustomizeOrigin.js";
import {
  kustomizeLocator,
  originFiles,
  patchFilesOf,
} from "../locate/kustomizeLocator.js";

/** One `kustomize build` of a directory of the repo. */
export interface KustomizeBuildRequest {
  target: RenderTarget;
  /** Repo-relative directory holding a kustomization. */
  dir: string;
  /**
   * Extra kustomization fields applied on top (namespace, namePrefix,
   * images, inline patches...); paths in them are repo-relative.
   */
  extra?: Record<string, unknown>;
  /** Repo-relative paths in `extra.components`. */
  components?: string[];
  enableHelm: boolean;
  /**
   * Let kustomize read any file of the sandbox, as Flux does; only for
   * kustomizations whose every path the caller has checked.
   */
  repoWideLoads?: boolean;
  limits: RenderLimits;
  /** Where build errors are reported. */
  entry: Location;
  signal?: AbortSignal;
}

/**
 * Builds `dir` through a generated wrapper kustomization (which adds the
 * origin annotations and any extra fields) with the load restrictor on and
 * no plugins or functions. Resources get a `locate` that maps back to the
 * resource or patch line; the annotations are removed again.
 */
export async function kustomizeBuild(
  sb: Sandbox,
  req: KustomizeBuildRequest,
): Promise<RenderedTarget> {
  const { target } = req;
  const tool = sb.tools.kustomize;
  if (!tool) {
    return failed(target, [missingTool(target, req.entry.path)]);
  }
  const wrapper = await sb.scratchDir("kustomize");
  const wrapperRel = relative(sb.root, wrapper);
  await writeFile(
    join(wrapper, "kustomization.yaml"),
    stringify(wrapperKustomization(req, wrapper, sb.root)),
  );
  const restrictor = req.repoWideLoads
    ? "LoadRestrictionsNone"
    : "LoadRestrictionsRootOnly";
  const args = ["--load-restrictor", restrictor, "."];
  if (req.enableHelm) {
    args.push("--enable-helm");
    if (sb.tools.helm) args.push("--helm-command", await helmShim(sb));
  }
  const result = await sb.run(tool, args, wrapperRel, req.signal);
  const failure = toolFailure(
    target,
    "kustomize",
    result,
    req.limits,
    sb.sanitize,
    req.entry.path,
  );
  if (failure) return failed(target, [await explained(sb, req, failure)]);
  return toResult(sb, req, result.stdout, wrapperRel);
}

/**
 * Starts a kustomize failure with its cause in plain words and points it
 * at the kustomization line to fix, when kustomize names one.
 */
async function explained(
  sb: Sandbox,
  req: KustomizeBuildRequest,
  failure: Finding,
): Promise<Finding> {
  const why = explainKustomizeError(unwrapKustomizeError(failure.message));
  const read = async (path: string) => {
    // Paths come from kustomize's message: read nothing outside the copy.
    const rel = posix.normalize(path);
    if (rel.startsWith("../") || posix.isAbsolute(rel)) return undefined;
    return readFile(join(sb.root, rel), "utf8").catch(() => undefined);
  };
  const at = await locateKustomizeError(why, req.dir, read);
  const out = { ...failure, message: at.message };
  return at.location ? { ...out, location: at.location } : out;
}

function wrapperKustomization(
  req: KustomizeBuildRequest,
  wrapper: string,
  root: string,
): Record<string, unknown> {
  const rel = (p: string) => relative(wrapper, join(root, p)) || ".";
  const k: Record<string, unknown> = {
    apiVersion: "kustomize.config.k8s.io/v1beta1",
    kind: "Kustomization",
    resources: [rel(req.dir)],
    buildMetadata: ["originAnnotations", "transformerAnnotations"],
    ...req.extra,
  };
  if (req.components?.length) k["components"] = req.components.map(rel);
  return k;
}

async function toResult(
  sb: Sandbox,
  req: KustomizeBuildRequest,
  stdout: string,
  buildRoot: string,
): Promise<RenderedTarget> {
  const parsed = parseRendered(stdout, req.entry.path);
  const findings: Finding[] = [...parsed.problems];
  const index = new SourceIndex(sb.root);
  const withOrigin = parsed.objects.map((object) => ({
    object,
    origin: takeOrigin(object, buildRoot),
  }));
  await index.load([
    req.entry.path,
    ...withOrigin.flatMap((o) => originFiles(o.origin)),
  ]);
  await index.load(withOrigin.flatMap((o) => patchFilesOf(o.origin, index)));
  const resources = withOrigin.map(({ object, origin }) =>
    renderedResource(
      object,
      kustomizeLocator(object, origin, index, req.entry),
    ),
  );
  for (const f of findings) f.target = req.target.id;
  return { target: req.target, ok: true, resources, findings };
}

/** The error finding for a missing kustomize binary. */
export function missingTool(target: RenderTarget, path: string): Finding {
  return renderFinding(
    target,
    "render/missing-tool",
    `kustomize was not found: ${INSTALL_HINT.kustomize}`,
    "error",
    path,
  );
}

/**
 * Kustomize probes helm with `helm version -c` (a flag helm v4 dropped)
 * and accepts only v3; this shim answers the probe and passes every other
 * call through to the real helm.
 */
async function helmShim(sb: Sandbox): Promise<string> {
  const helm = JSON.stringify(sb.tools.helm?.command ?? "helm");
  return sb.homeExecutable(
    "helm",
    [
      "#!/bin/sh",
      // Kustomize up to v5.7 refuses helm v4 by its version string alone;
      // the template flags it uses are the same in v3 and v4.
      'if [ "$1" = version ]; then echo "v3.99.0+gitops-gate-shim"; exit 0; fi',
      `exec ${helm} "$@"`,
      "",
    ].join("\n"),
  );
}
