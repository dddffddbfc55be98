import { describe, expect, it } from "vitest";
import type { Location } from "../../findings/finding.js";
import { scenario } from "../testing/scenario.js";
import { kustomizeRenderer } from "./kustomizeRenderer.js";

const SVC =
  "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n";

/** Renders the one target of `files` and returns its findings. */
async function failures(
  files: Record<string, string>,
  dir: string,
): Promise<[Location, string][]> {
  const s = await scenario({ "base/svc.yaml": SVC, ...files });
  try {
    const targets = await kustomizeRenderer.discover(await s.files(), s.ctx);
    const target = targets.find((t) => t.path === dir)!;
    const out = await kustomizeRenderer.render(target, s.ctx);
    return out.findings.map((f) => [f.location, f.message]);
  } finally {
    await s.cleanup();
  }
}

const BASE = { "base/kustomization.yaml": "resources:\n  - svc.yaml\n" };

describe("kustomize failures", () => {
  it("points a YAML error in the built kustomization at its line", async () => {
    const got = await failures(
      {
        ...BASE,
        "k/overlay/kustomization.yaml":
          "resources:\n  - ../../base\n patches:\n  - path: p.yaml\n   - x\n",
      },
      "k/overlay",
    );
    expect(got).toEqual([
      [
        { path: "k/overlay/kustomization.yaml", line: 3 },
        expect.stringMatching(
          /^kustomize failed: k\/overlay\/kustomization.yaml is not valid YAML: All mapping items must start at the same column \(kustomize: .*yaml: line \d+/,
        ),
      ],
    ]);
    expect(got[0]![1]).not.toContain("must resolve to a file");
  });

  it("points a resource file that is not YAML at its own line", async () => {
    const got = await failures(
      {
        "base/kustomization.yaml": "resources:\n  - svc.yaml\n  - cm.yaml\n",
        "base/cm.yaml":
          "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: [1\n",
        "overlays/prod/kustomization.yaml": "resources:\n  - ../../base\n",
      },
      "overlays/prod",
    );
    expect(got).toEqual([
      [
        { path: "base/cm.yaml", line: 6 },
        expect.stringMatching(
          /^kustomize failed: base\/cm\.yaml is not valid YAML: .* \(kustomize: .*MalformedYAMLError/,
        ),
      ],
    ]);
  });

  it("points a YAML error in a base at the base's line", async () => {
    const got = await failures(
      {
        "base/kustomization.yaml": "resources:\n  - svc.yaml\n  bad: 1\n",
        "k/overlay/kustomization.yaml": "resources:\n  - ../../base\n",
      },
      "k/overlay",
    );
    // Kustomize's YAML library says line 2; the bad key is on line 3.
    expect(got).toEqual([
      [
        { path: "base/kustomization.yaml", line: 3 },
        expect.stringMatching(
          /^kustomize failed: base\/kustomization.yaml is not valid YAML: /,
        ),
      ],
    ]);
  });

  const overlay = (patches: string) =>
    `resources:\n  - ../base\npatches:\n${patches}`;
  const NOPE = "apiVersion: v1\nkind: Service\nmetadata:\n  name: nope\n";
  it.each<[string, Record<string, string>, number]>([
    [
      "a patch file",
      {
        "o/kustomization.yaml": overlay(
          "  - path: ok.yaml\n  - path: p.yaml\n",
        ),
        "o/ok.yaml": SVC,
        "o/p.yaml": NOPE,
      },
      5,
    ],
    [
      "an inline patch",
      {
        "o/kustomization.yaml": overlay(
          `  - path: ok.yaml\n  - patch: |-\n${NOPE.replace(/^/gm, "      ")}`,
        ),
        "o/ok.yaml": SVC,
      },
      5,
    ],
    [
      "a JSON patch without target",
      {
        "o/kustomization.yaml": overlay(
          "  - path: ok.yaml\n  - path: ops.yaml\n",
        ),
        "o/ok.yaml": SVC,
        "o/ops.yaml": "- op: add\n  path: /spec/type\n  value: NodePort\n",
      },
      5,
    ],
  ])("points %s that patches nothing at its entry", async (_, files, line) => {
    const got = await failures({ ...BASE, ...files }, "o");
    expect(got).toEqual([
      [
        { path: "o/kustomization.yaml", line },
        expect.stringMatching(/^kustomize failed: (a patch|JSON patch)/),
      ],
    ]);
  });
});
