import { symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SYMLINK_ESCAPES } from "../sandbox/copyCheckout.js";
import { scenario, type Scenario } from "../testing/scenario.js";
import { helmRenderer } from "./helmRenderer.js";

const CHART = "apiVersion: v2\nname: evil\nversion: 1.0.0\n";
let s: Scenario | undefined;
afterEach(async () => {
  await s?.cleanup();
  s = undefined;
});

async function render(
  template: string,
  render: unknown = {},
  prepare?: (dir: string) => Promise<void>,
) {
  s = await scenario(
    { "evil/Chart.yaml": CHART, "evil/templates/cm.yaml": template },
    render,
  );
  await prepare?.(s.dir);
  const [t] = await helmRenderer.discover(await s.files(), s.ctx);
  return helmRenderer.render(t!, s.ctx);
}

const CM = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n";

describe("helm hostile inputs", () => {
  it("cannot read files outside the chart with .Files.Get", async () => {
    const out = await render(
      CM + '  leaked: {{ .Files.Get "../../secret.txt" | quote }}\n',
      {},
      (dir) => writeFile(join(dir, "secret.txt"), "TOP-SECRET"),
    );
    expect(out.ok).toBe(true);
    expect(out.resources[0]?.object["data"]).toEqual({ leaked: "" });
  });

  it("stops a chart whose output exceeds the cap", async () => {
    const out = await render(
      CM +
        '{{- range until 20000 }}\n  k{{ . }}: "{{ repeat 50 "x" }}"\n{{- end }}\n',
      { limits: { maxOutputMB: 0.05 } },
    );
    expect(out.findings.map((f) => [f.ruleId, f.message])).toEqual([
      [
        "render/output-too-large",
        "helm output exceeded 0.05 MB; it was stopped",
      ],
    ]);
  });

  it("stops a chart that runs past the timeout", async () => {
    const out = await render(
      CM +
        '{{- range until 3000000 }}{{ $x := printf "%d" . }}{{- end }}\n  a: b\n',
      { limits: { timeoutSeconds: 0.2 } },
    );
    expect(out.findings.map((f) => [f.ruleId, f.message])).toEqual([
      ["render/timeout", "helm did not finish within 0.2 s; it was stopped"],
    ]);
  });

  it("refuses a template symlinked outside the repository", async () => {
    const out = await render(CM, {}, (dir) =>
      symlink("/etc/passwd", join(dir, "evil/templates/passwd.yaml")),
    );
    expect(out.ok).toBe(false);
    expect(out.findings).toEqual([
      expect.objectContaining({
        ruleId: "render/unsafe-file",
        message: SYMLINK_ESCAPES,
        location: { path: "evil/templates/passwd.yaml" },
      }),
    ]);
  });

  it("does not fetch a chart dependency from a repository", async () => {
    s = await scenario({
      "evil/Chart.yaml":
        CHART +
        "dependencies:\n  - name: redis\n    version: 1.0.0\n    repository: https://charts.evil.example\n",
      "evil/templates/cm.yaml": CM + "  a: b\n",
    });
    const [t] = await helmRenderer.discover(await s.files(), s.ctx);
    const out = await helmRenderer.render(t!, s.ctx);
    expect(out.resources).toEqual([]);
    expect(
      out.findings.map((f) => [f.ruleId, f.severity, f.message, f.location]),
    ).toEqual([
      [
        "render/remote",
        "notice",
        'chart dependency "redis" from https://charts.evil.example is not vendored in charts/ and was not fetched; this chart is not rendered',
        { path: "evil/Chart.yaml" },
      ],
    ]);
  });
});
