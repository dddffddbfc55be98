import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scenario, type Scenario } from "../testing/scenario.js";
import {
  directoryFiles,
  renderDirectory,
  type DirectoryOptions,
} from "./renderDirectory.js";

const cm = (name: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;
const FILES: Record<string, string> = {
  "app/a.yaml": cm("a"),
  "app/b.yml": cm("b"),
  "app/skip.yaml": cm("skip"),
  "app/config.json": "{}",
  "app/README.md": "# app\n",
  "app/env-usw2/cm.yaml": cm("usw2"),
  "app/env-use2/cm.yaml": cm("use2"),
  "app/values.yaml": "# +argocd:skip-file-rendering\nreplicas: 1\n",
};

describe("an Argo CD directory source", () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await scenario(FILES);
  });
  afterAll(() => s.cleanup());

  const cases: [Omit<DirectoryOptions, "dir">, string[]][] = [
    [
      { recurse: false, exclude: "{skip.yaml}" },
      ["a.yaml", "b.yml", "config.json", "values.yaml"],
    ],
    [{ recurse: false, include: "{a.yaml,b.yml}" }, ["a.yaml", "b.yml"]],
    [
      {
        recurse: true,
        include: "*.yaml",
        exclude: "{config.json,env-usw2/*,skip.yaml}",
      },
      ["a.yaml", "env-use2/cm.yaml", "values.yaml"],
    ],
  ];
  for (const [opts, expected] of cases) {
    it(`picks files as Argo CD does: ${JSON.stringify(opts)}`, async () => {
      const picked = directoryFiles(await s.files(), { dir: "app", ...opts });
      expect(picked).toEqual(expected.map((f) => `app/${f}`));
    });
  }

  it("skips files marked +argocd:skip-file-rendering", async () => {
    const out = await renderDirectory(s.ctx, {
      dir: "app",
      recurse: false,
      include: "*.yaml",
    });
    expect(out.resources.map((r) => r.name)).toEqual(["a", "skip"]);
    expect(out.findings).toEqual([]);
  });
});
