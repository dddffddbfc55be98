import { afterEach, describe, expect, it, vi } from "vitest";
import { plainRenderer } from "../plain/plainRenderer.js";
import { scenario, type Scenario } from "../testing/scenario.js";
import { scanObjects } from "./scanObjects.js";

/** A template whose `{{ ... }}` YAML reads as a map with a map key. */
const TEMPLATE = `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}
`;

let s: Scenario | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await s?.cleanup();
  s = undefined;
});

/** Spies on every way the yaml library can print a warning. */
function spyOnWarnings() {
  return [
    vi.spyOn(process, "emitWarning").mockImplementation(() => {}),
    vi.spyOn(console, "warn").mockImplementation(() => {}),
  ];
}

describe("scanObjects", () => {
  it("does not parse Helm chart templates, and prints no warning", async () => {
    s = await scenario({
      "charts/web/Chart.yaml": "apiVersion: v2\nname: web\nversion: 1.0.0\n",
      "charts/web/templates/cm.yaml": TEMPLATE,
      "charts/web/charts/sub/templates/cm.yaml": TEMPLATE,
      "apps/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n",
    });
    const spies = spyOnWarnings();
    const files = await s.files();
    const found = await scanObjects(files, files, (p) => s!.tree.readFile(p));
    expect(found.map((o) => `${o.file}#${o.name}`)).toEqual(["apps/cm.yaml#a"]);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it("prints no yaml warning for a template outside a chart either", async () => {
    s = await scenario({ "misc/cm.yaml": TEMPLATE });
    const spies = spyOnWarnings();
    const files = await s.files();
    await scanObjects(files, files, (p) => s!.tree.readFile(p));
    const [target] = await plainRenderer.discover(files, s.ctx);
    const out = await plainRenderer.render(target!, s.ctx);
    // Read (and reported) as YAML, quietly.
    expect(out.findings.map((f) => f.ruleId)).toEqual(["yaml/missing-field"]);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});
