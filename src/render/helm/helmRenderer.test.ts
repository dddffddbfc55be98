import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { findTools } from "../sandbox/findTools.js";
import { scenario, type Scenario } from "../testing/scenario.js";
import { helmRenderer } from "./helmRenderer.js";
import { TEMPLATE_NOTE } from "./helmLocator.js";
import { WEB_CHART } from "./testCharts.js";

describe("helmRenderer", () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await scenario({
      ...WEB_CHART,
      "charts/lib/Chart.yaml":
        "apiVersion: v2\nname: lib\nversion: 1.0.0\ntype: library\n",
      "charts/broken/Chart.yaml":
        "apiVersion: v2\nname: broken\nversion: 1.0.0\n",
      "charts/broken/templates/cm.yaml":
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ required "value host is required" .Values.host }}\n',
    });
  });
  afterAll(() => s.cleanup());

  it("discovers application charts, not library charts", async () => {
    const targets = await helmRenderer.discover(await s.files(), s.ctx);
    expect(targets.map((t) => t.id)).toEqual([
      "helm:charts/broken",
      "helm:charts/web",
    ]);
    const web = targets.find((t) => t.id === "helm:charts/web")!;
    expect(web.inputs).toContain("charts/web/values.yaml");
    expect(web.inputs).toContain("charts/web/templates/service.yaml");
  });

  it("renders what helm template gives", async () => {
    const targets = await helmRenderer.discover(await s.files(), s.ctx);
    const web = targets.find((t) => t.id === "helm:charts/web")!;
    const out = await helmRenderer.render(web, s.ctx);
    expect(out.findings).toEqual([]);
    const raw = execFileSync(
      findTools().helm!.command,
      [
        "template",
        "web",
        `${s.dir}/charts/web`,
        "--kube-version",
        "1.33.0",
        "--include-crds",
      ],
      { encoding: "utf8" },
    );
    const expected = parseAllDocuments(raw)
      .map((d) => d.toJS())
      .filter(Boolean);
    expect(out.resources.map((r) => r.object)).toEqual(expected);
  });

  it("maps fields to template or values lines", async () => {
    const targets = await helmRenderer.discover(await s.files(), s.ctx);
    const web = targets.find((t) => t.id === "helm:charts/web")!;
    const out = await helmRenderer.render(web, s.ctx);
    const deploy = out.resources.find((r) => r.kind === "Deployment")!;
    const c = ["spec", "template", "spec", "containers", 0];
    const cases: [(string | number)[], string, number][] = [
      [["spec", "replicas"], "charts/web/values.yaml", 1],
      [[...c, "image"], "charts/web/values.yaml", 3],
      [[...c, "name"], "charts/web/templates/deployment.yaml", 12],
      [["metadata", "labels"], "charts/web/templates/deployment.yaml", 5],
    ];
    for (const [field, path, line] of cases) {
      const approx = path.includes("/templates/")
        ? { approximate: TEMPLATE_NOTE }
        : {};
      expect(deploy.locate(field), field.join(".")).toEqual({
        path,
        line,
        ...approx,
      });
    }
  });

  it("reports a failing required as an error on the template line, without temp paths", async () => {
    const targets = await helmRenderer.discover(await s.files(), s.ctx);
    const broken = targets.find((t) => t.id === "helm:charts/broken")!;
    const out = await helmRenderer.render(broken, s.ctx);
    expect(out.ok).toBe(false);
    expect(out.findings).toHaveLength(1);
    const f = out.findings[0]!;
    expect(f.ruleId).toBe("render/failed");
    expect(f.location).toEqual({
      path: "charts/broken/templates/cm.yaml",
      line: 4,
    });
    expect(f.message).toMatch(/^helm failed: .*value host is required/);
    expect(f.message).not.toMatch(/\/tmp|gg-render|gg-scenario/);
  });
});
