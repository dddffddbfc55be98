import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RenderTarget } from "../RenderTarget.js";
import { scenario, type Scenario } from "../testing/scenario.js";
import { fluxRenderer } from "./fluxRenderer.js";
import { generatedResources } from "./generatedResources.js";

const ks = (
  name: string,
  path: string,
) => `apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: ${name}
  namespace: flux-system
spec:
  sourceRef:
    kind: GitRepository
    name: flux-system
  path: ${path}
`;
const cm = (name: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;
const TRANSFORMER =
  "apiVersion: builtin\nkind: LabelTransformer\nmetadata:\n  name: l\nlabels:\n  a: b\nfieldSpecs:\n  - path: metadata/labels\n    create: true\n";

const FILES: Record<string, string> = {
  "common/ns.yaml": cm("common"),
  "apps/prod/kustomization.yaml": "resources:\n  - ../../common/ns.yaml\n",
  "apps/plugin/kustomization.yaml":
    "resources:\n  - ../../common/ns.yaml\ntransformers:\n  - t.yaml\n",
  "apps/plugin/t.yaml": TRANSFORMER,
  "plain/a.yaml": cm("a"),
  "plain/sub/kustomization.yaml":
    "resources:\n  - b.yaml\n  - deeper\n  - ../../common/ns.yaml\n",
  "plain/sub/b.yaml": cm("b"),
  "plain/sub/deeper/kustomization.yaml": "resources:\n  - c.yaml\n",
  "plain/sub/deeper/c.yaml": cm("c"),
  "remote/x.yaml": cm("x"),
  "remote/sub/kustomization.yaml":
    "resources:\n  - https://github.com/evil/repo//base?ref=v1\n",
  "clusters/prod.yaml": ks("prod", "./apps/prod"),
  "clusters/patchpath.yaml":
    ks("patchpath", "./apps/prod") +
    "  patches:\n    - path: /etc/hostname\n    - path: ../../../../etc/passwd\n",
  "clusters/plugin.yaml": ks("plugin", "./apps/plugin"),
  "clusters/plain.yaml": ks("plain", "./plain"),
  "clusters/remote.yaml": ks("remote", "./remote"),
};

describe("Flux Kustomization builds", () => {
  let s: Scenario;
  let targets: RenderTarget[];
  beforeAll(async () => {
    s = await scenario(FILES);
    targets = await fluxRenderer.discover(await s.files(), s.ctx);
  });
  afterAll(() => s.cleanup());
  const render = (name: string) =>
    fluxRenderer.render(
      targets.find(
        (t) => t.id === `flux:clusters/${name}.yaml#flux-system/${name}`,
      )!,
      s.ctx,
    );

  it("read files of the repo outside the kustomization, as Flux does", async () => {
    const out = await render("prod");
    expect(out.findings).toEqual([]);
    expect(out.resources.map((r) => [r.name, r.source])).toEqual([
      ["common", { path: "common/ns.yaml", line: 1 }],
    ]);
  });

  it("ignore a patch path in a Flux object, as its CRD prunes it", async () => {
    const out = await render("patchpath");
    expect(out.ok).toBe(false);
    expect(out.findings[0]!.message).toMatch(
      /must specify one of patch and path/,
    );
    expect(out.findings.map((f) => f.message).join()).not.toMatch(
      /hostname|passwd|root:/,
    );
  });

  it("keep kustomize's load restrictor where plugin configs are read", async () => {
    const out = await render("plugin");
    expect(out.ok).toBe(false);
    expect(out.findings[0]!.message).toMatch(
      /security; file .*common\/ns\.yaml' is not in or below/,
    );
  });

  it("generate one kustomization over nested kustomizations", async () => {
    const out = await render("plain");
    expect(out.findings).toEqual([]);
    expect(out.resources.map((r) => r.name).sort()).toEqual([
      "a",
      "b",
      "c",
      "common",
    ]);
    const t = targets.find((x) => x.id.endsWith("#flux-system/plain"))!;
    expect(t.inputs).toContain("common/ns.yaml");
  });

  it("refuse remote bases of kustomizations a generated one includes", async () => {
    const out = await render("remote");
    expect(out.ok).toBe(false);
    expect(out.findings.map((f) => [f.ruleId, f.location.path])).toEqual([
      ["render/remote", "remote/sub/kustomization.yaml"],
    ]);
  });
});

describe("generatedResources", () => {
  it("lists manifests and outermost kustomization directories", () => {
    const files = [
      "d/a.yaml",
      "d/b.yml",
      "d/notes.txt",
      "d/x/kustomization.yaml",
      "d/x/in.yaml",
      "d/x/y/Kustomization",
      "d/z/c.yaml",
      "other/e.yaml",
    ];
    expect(generatedResources("d", files)).toEqual([
      "a.yaml",
      "b.yml",
      "x",
      "z/c.yaml",
    ]);
  });
});
