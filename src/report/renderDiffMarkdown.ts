import type {
  RenderDiff,
  ResourceDiff,
  TargetDiff,
} from "../render/diff/RenderDiff.js";

const STATUS: Record<TargetDiff["status"], string> = {
  changed: "changed",
  unchanged: "no change",
  added: "new target",
  removed: "target removed",
  "failed-head": "fails to render in head only",
  "failed-base": "failed to render in base only (fixed by this change)",
  "failed-both": "fails to render in base and head",
};

/**
 * The rendered diff as Markdown: a one-line summary, then one collapsed
 * `<details>` block per target holding a `diff` block per resource.
 * Unchanged targets are listed in one line. Pure: data in, text out.
 */
export function renderDiffMarkdown(diff: RenderDiff): string {
  const { summary: s } = diff;
  const lines = [
    "### Rendered changes",
    "",
    `${s.targets} target${s.targets === 1 ? "" : "s"} rendered; ` +
      `resources: ${s.added} added, ${s.changed} changed, ${s.removed} removed` +
      (s.failed > 0 ? `; ${s.failed} failed to render` : ""),
    "",
  ];
  const quiet = diff.targets.filter((t) => t.status === "unchanged");
  for (const t of diff.targets)
    if (t.status !== "unchanged") lines.push(...targetBlock(t));
  if (quiet.length > 0) {
    lines.push(`No change: ${quiet.map((t) => code(t.id)).join(", ")}`, "");
  }
  if (diff.cut) {
    lines.push(
      `> **Cut:** ${diff.cut.resources} resource diff${diff.cut.resources === 1 ? "" : "s"} ` +
        `(${diff.cut.lines} lines) left out to fit; the full diff is in ${escapeHtml(diff.cut.fullDiff)}.`,
      "",
    );
  }
  return lines.join("\n");
}

function targetBlock(t: TargetDiff): string[] {
  const env = t.environment ? ` (${escapeHtml(t.environment)})` : "";
  const counts = t.resources.length > 0 ? ` — ${countText(t.resources)}` : "";
  const out = [
    `<details><summary>${code(t.id)}${env}: ${STATUS[t.status]}${counts}</summary>`,
    "",
  ];
  for (const e of t.errors ?? []) {
    out.push(`- **${e.side}:** ${escapeHtml(oneLine(e.message))}`);
  }
  if (t.errors?.length) out.push("");
  for (const r of t.resources) out.push(...resourceBlock(r));
  out.push("</details>", "");
  return out;
}

function resourceBlock(r: ResourceDiff): string[] {
  const ns = r.namespace ? `${r.namespace}/` : "";
  const head =
    `**${escapeHtml(r.kind)} ${escapeHtml(ns + r.name)}** ${r.change}` +
    (r.masked ? " (Secret values masked)" : "");
  if (r.cut) return [head, "", "_diff cut to fit the size limit_", ""];
  const fence = "`".repeat(Math.max(3, longestRun(r.diff) + 1));
  return [head, "", `${fence}diff`, r.diff, fence, ""];
}

function countText(resources: readonly ResourceDiff[]): string {
  const n = (c: ResourceDiff["change"]) =>
    resources.filter((r) => r.change === c).length;
  const parts = [
    ["added", n("added")],
    ["changed", n("changed")],
    ["removed", n("removed")],
  ] as const;
  return parts
    .filter(([, k]) => k > 0)
    .map(([w, k]) => `${k} ${w}`)
    .join(", ");
}

function longestRun(text: string): number {
  return Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
}

function code(s: string): string {
  return `<code>${escapeHtml(s)}</code>`;
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, " ");
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
