import { cp, readFile, writeFile } from "node:fs/promises";
import { basename, join, relative } from "node:path";
import { stringify } from "yaml";
import type { Finding, Location } from "../../findings/finding.js";
import type { Resource } from "../../manifests/Resource.js";
import type { Config } from "../../config/schema.js";
import type { RenderedTarget, RenderTarget } from "../RenderTarget.js";
import { failed, renderFinding, toolFailure } from "../renderFindings.js";
import type { Sandbox } from "../sandbox/Sandbox.js";
import { INSTALL_HINT } from "../sandbox/findTools.js";
import { parseRendered } from "../parseRendered.js";
import { renderedResource } from "../renderedResource.js";
import { SourceIndex } from "../locate/SourceIndex.js";
import { helmLocator, type InlineValuesAt } from "./helmLocator.js";
import { missingDependencies } from "./missingDependencies.js";
import { pointAtTemplate } from "./pointAtTemplate.js";
import { splitHelmOutput, templatePath } from "./splitHelmOutput.js";

/** One `helm template` of a chart directory of the repo. */
export interface HelmTemplateRequest {
  target: RenderTarget;
  /** Repo-relative chart directory. */
  chartDir: string;
  /**
   * A fetched chart archive (relative to the sandbox root) to render
   * instead of `chartDir`; results then point at `entry`.
   */
  archive?: string;
  releaseName: string;
  namespace?: string;
  /** Repo-relative values files, lowest priority first. */
  valueFiles: string[];
  /** Inline values (Application `values`, HelmRelease `values`), applied after the files. */
  values: (Record<string, unknown> | string)[];
  /** `--set` / `--set-string` parameters. */
  set: { name: string; value: string; forceString?: boolean }[];
  /** `--set-file` parameters; paths repo-relative and checked by the caller. */
  setFiles?: { name: string; path: string }[];
  skipCrds?: boolean;
  /**
   * The values files replace the chart's own `values.yaml` instead of
   * adding to it, as Flux's source-controller packages a chart from Git.
   */
  replaceChartValues?: boolean;
  helm: Config["render"]["helm"];
  limits: Config["render"]["limits"];
  /** Where template errors are reported. */
  entry: Location;
  /** Where the inline `values` set a key (the Application or HelmRelease line). */
  inlineAt?: InlineValuesAt;
  signal?: AbortSignal;
}

/**
 * Runs `helm template` in the sandbox (no plugins, no post-renderer, no
 * repository access, no dependency update) and maps each document to its
 * template and values lines.
 */
export async function helmTemplate(
  sb: Sandbox,
  req: HelmTemplateRequest,
): Promise<RenderedTarget> {
  const tool = sb.tools.helm;
  if (!tool) {
    return failed(req.target, [
      renderFinding(
        req.target,
        "render/missing-tool",
        `helm was not found: ${INSTALL_HINT.helm}`,
        "error",
        req.entry.path,
      ),
    ]);
  }
  const remote = req.archive
    ? []
    : await missingDependencies(join(sb.root, req.chartDir));
  if (remote.length > 0) {
    const f = remote.map((d) =>
      renderFinding(
        req.target,
        "render/remote",
        `chart dependency "${d.name}" from ${d.repository} is not vendored ` +
          "in charts/ and was not fetched; this chart is not rendered",
        "notice",
        join(req.chartDir, "Chart.yaml"),
      ),
    );
    return { target: req.target, ok: true, resources: [], findings: f };
  }
  const args = await helmArgs(sb, req);
  const result = await sb.run(tool, args, "", req.signal);
  const failure = toolFailure(
    req.target,
    "helm",
    result,
    req.limits,
    sb.sanitize,
    req.entry.path,
  );
  if (failure) {
    // A fetched chart's templates are not in the repository: point at the
    // object that names the chart.
    const at = req.archive
      ? { ...failure, location: req.entry }
      : pointAtTemplate(failure, req.chartDir);
    return failed(req.target, [at]);
  }
  return toResult(sb, req, result.stdout);
}

async function helmArgs(sb: Sandbox, req: HelmTemplateRequest) {
  const args = ["template", req.releaseName, await chartArg(sb, req)];
  if (req.namespace) args.push("--namespace", req.namespace);
  args.push("--kube-version", req.helm.kubeVersion);
  for (const v of req.helm.apiVersions) args.push("--api-versions", v);
  if (!req.skipCrds) args.push("--include-crds");
  for (const f of req.valueFiles) args.push("--values", `./${f}`);
  if (req.values.length > 0) {
    const dir = await sb.scratchDir("values");
    for (const [i, v] of req.values.entries()) {
      const file = join(dir, `values-${i}.yaml`);
      await writeFile(file, typeof v === "string" ? v : stringify(v));
      args.push("--values", `./${relative(sb.root, file)}`);
    }
  }
  for (const p of req.set) {
    args.push(p.forceString ? "--set-string" : "--set", `${p.name}=${p.value}`);
  }
  for (const f of req.setFiles ?? []) {
    args.push("--set-file", `${f.name}=./${f.path}`);
  }
  return args;
}

/**
 * The chart path to give helm: the chart itself, or a private copy whose
 * `values.yaml` is empty when the values files replace it (the sandbox is
 * shared, so the chart is never changed in place).
 */
async function chartArg(sb: Sandbox, req: HelmTemplateRequest) {
  if (req.archive) return `./${req.archive}`;
  if (!req.replaceChartValues || req.valueFiles.length === 0) {
    return `./${req.chartDir || "."}`;
  }
  const dir = await sb.scratchDir("chart");
  const copy = join(dir, basename(req.chartDir) || "chart");
  // The sandbox holds no symlink out of the repo; copying their targets
  // keeps links that point elsewhere in the repo working.
  await cp(join(sb.root, req.chartDir), copy, {
    recursive: true,
    dereference: true,
  });
  await writeFile(join(copy, "values.yaml"), "{}\n");
  return `./${relative(sb.root, copy)}`;
}

async function toResult(
  sb: Sandbox,
  req: HelmTemplateRequest,
  stdout: string,
): Promise<RenderedTarget> {
  const index = new SourceIndex(sb.root);
  const defaults = `${req.chartDir ? `${req.chartDir}/` : ""}values.yaml`;
  const valueFiles =
    req.archive || (req.replaceChartValues && req.valueFiles.length > 0)
      ? req.valueFiles
      : [defaults, ...req.valueFiles];
  await index.load(valueFiles);
  const resources: Resource[] = [];
  const findings: Finding[] = [];
  const lines = new Map<string, string[]>();
  for (const chunk of splitHelmOutput(stdout)) {
    const parsed = parseRendered(chunk.text, req.entry.path);
    findings.push(...parsed.problems);
    if (parsed.objects.length === 0) continue;
    const template =
      chunk.source && !req.archive
        ? templatePath(req.chartDir, chunk.source)
        : req.entry.path;
    const templateLines = req.archive
      ? []
      : await linesOf(sb.root, template, lines);
    for (const object of parsed.objects) {
      const locate = helmLocator({
        template,
        templateLines,
        valueFiles,
        index,
        object,
        ...(req.inlineAt ? { inlineAt: req.inlineAt } : {}),
        ...(req.archive ? { fallback: req.entry } : {}),
      });
      resources.push(renderedResource(object, locate));
    }
  }
  for (const f of findings) f.target = req.target.id;
  return { target: req.target, ok: true, resources, findings };
}

async function linesOf(
  root: string,
  path: string,
  cache: Map<string, string[]>,
): Promise<string[]> {
  const hit = cache.get(path);
  if (hit) return hit;
  const text = await readFile(join(root, path), "utf8").catch((cause) => {
    // A template helm names but we cannot read: locate falls back to line 1.
    if ((cause as NodeJS.ErrnoException).code) return "";
    throw cause;
  });
  const lines = text.split("\n");
  cache.set(path, lines);
  return lines;
}
