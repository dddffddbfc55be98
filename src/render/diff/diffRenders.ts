import { createTwoFilesPatch } from "diff";
import { stringify } from "yaml";
import { isObject } from "../../manifests/toResources.js";
import type { Resource } from "../../manifests/Resource.js";
import type { RenderedTarget } from "../RenderTarget.js";
import { maskSecrets } from "./maskSecret.js";
import type { RenderDiff, ResourceDiff, TargetDiff } from "./RenderDiff.js";
import { applyCap } from "./applyCap.js";

/** Options of {@link diffRenders}. */
export interface DiffOptions {
  /** Drop `helm.sh/chart` labels (chart version churn) before diffing. */
  hideChartLabels?: boolean;
  /** Cap on the total diff text in bytes (default 60 000). */
  maxBytes?: number;
  /** Where the full diff is, named when the cap cuts (default: JSON output). */
  fullDiff?: string;
  /** Lines of context around changes (default 3). */
  context?: number;
}

/**
 * Compares the base and head renders of the affected targets, resource
 * by resource (matched on API group, kind, namespace and name). Secret
 * values are masked; targets that failed on one side are reported as
 * such; the diff text is capped, and the cut is always stated.
 */
export function diffRenders(
  base: readonly RenderedTarget[],
  head: readonly RenderedTarget[],
  opts: DiffOptions = {},
): RenderDiff {
  const baseById = new Map(base.map((r) => [r.target.id, r]));
  const headById = new Map(head.map((r) => [r.target.id, r]));
  const ids = [...new Set([...headById.keys(), ...baseById.keys()])].sort();
  const targets = ids.map((id) =>
    diffTarget(baseById.get(id), headById.get(id), opts),
  );
  const count = (c: ResourceDiff["change"]) =>
    targets.reduce(
      (n, t) => n + t.resources.filter((r) => r.change === c).length,
      0,
    );
  const diff: RenderDiff = {
    targets,
    summary: {
      targets: targets.length,
      added: count("added"),
      changed: count("changed"),
      removed: count("removed"),
      failed: targets.filter((t) => t.status.startsWith("failed")).length,
    },
  };
  return applyCap(
    diff,
    opts.maxBytes ?? 60_000,
    opts.fullDiff ?? "the JSON output (--format json)",
  );
}

function diffTarget(
  base: RenderedTarget | undefined,
  head: RenderedTarget | undefined,
  opts: DiffOptions,
): TargetDiff {
  const t = (head ?? base)!.target;
  const out: TargetDiff = {
    id: t.id,
    kind: t.kind,
    path: t.path,
    status: "unchanged",
    resources: [],
  };
  if (t.environment !== undefined) out.environment = t.environment;
  const failedBase = base !== undefined && !base.ok;
  const failedHead = head !== undefined && !head.ok;
  if (failedBase || failedHead) {
    out.status = failureStatus(failedBase, failedHead);
    out.errors = [
      ...(failedBase ? errorsOf("base", base) : []),
      ...(failedHead ? errorsOf("head", head) : []),
    ];
    return out;
  }
  out.resources = diffResources(
    base?.resources ?? [],
    head?.resources ?? [],
    opts,
  );
  if (!base) out.status = "added";
  else if (!head) out.status = "removed";
  else if (out.resources.length > 0) out.status = "changed";
  return out;
}

function errorsOf(side: "base" | "head", r: RenderedTarget) {
  const errors = r.findings.filter((f) => f.severity === "error");
  return (errors.length > 0 ? errors : r.findings).map((f) => ({
    side,
    message: f.message,
  }));
}

function diffResources(
  base: readonly Resource[],
  head: readonly Resource[],
  opts: DiffOptions,
): ResourceDiff[] {
  const b = keyed(base);
  const h = keyed(head);
  const keys = [...new Set([...h.keys(), ...b.keys()])];
  const out: ResourceDiff[] = [];
  for (const key of keys) {
    const d = diffOne(b.get(key), h.get(key), opts);
    if (d) out.push(d);
  }
  return out;
}

function diffOne(
  base: Resource | undefined,
  head: Resource | undefined,
  opts: DiffOptions,
): ResourceDiff | undefined {
  const clean = (r?: Resource) =>
    r
      ? opts.hideChartLabels
        ? withoutChartLabels(r.object)
        : r.object
      : undefined;
  const m = maskSecrets(clean(base), clean(head));
  const before = m.base ? stringify(m.base) : "";
  const after = m.head ? stringify(m.head) : "";
  if (before === after) return undefined;
  const r = (head ?? base)!;
  const change = changeOf(base, head);
  const name = `${r.kind}/${r.namespace ? `${r.namespace}/` : ""}${r.name}`;
  const patch = createTwoFilesPatch(name, name, before, after, "", "", {
    context: opts.context ?? 3,
  });
  const d: ResourceDiff = {
    apiVersion: r.apiVersion,
    kind: r.kind,
    name: r.name,
    change,
    diff: patch.slice(patch.indexOf("\n@@") + 1).trimEnd(),
    masked: m.masked,
  };
  if (r.namespace !== undefined) d.namespace = r.namespace;
  return d;
}

function keyed(resources: readonly Resource[]): Map<string, Resource> {
  const map = new Map<string, Resource>();
  for (const r of resources) {
    const group = r.apiVersion.includes("/") ? r.apiVersion.split("/")[0] : "";
    const base = `${group}/${r.kind}/${r.namespace ?? ""}/${r.name}`;
    let key = base;
    for (let i = 2; map.has(key); i++) key = `${base}#${i}`;
    map.set(key, r);
  }
  return map;
}

const CHART_LABELS = ["helm.sh/chart", "chart"];

/** A copy of `o` without Helm chart-version labels anywhere in it. */
export function withoutChartLabels(
  o: Record<string, unknown>,
): Record<string, unknown> {
  const walk = (v: unknown, key?: string): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x));
    if (!isObject(v)) return v;
    const entries = Object.entries(v).filter(
      ([k]) => !(key === "labels" && CHART_LABELS.includes(k)),
    );
    return Object.fromEntries(entries.map(([k, x]) => [k, walk(x, k)]));
  };
  return walk(o) as Record<string, unknown>;
}

function failureStatus(base: boolean, head: boolean): TargetDiff["status"] {
  if (base && head) return "failed-both";
  return head ? "failed-head" : "failed-base";
}

function changeOf(base?: Resource, head?: Resource): ResourceDiff["change"] {
  if (!base) return "added";
  return head ? "changed" : "removed";
}
