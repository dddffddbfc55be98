import { describe, expect, it } from "vitest";
import { expandAppSet } from "./expandAppSet.js";

const REPO = "https://github.com/acme/gitops.git";
const FILES: Record<string, string> = {
  "envs/dev/config.json": '{"env": "dev", "cluster": {"name": "c1"}}',
  "envs/prod/config.json": '{"env": "prod", "cluster": {"name": "c2"}}',
  "apps/a/x.yaml": "",
  "apps/b/x.yaml": "",
  "apps/skip/x.yaml": "",
};
const read = async (p: string) => Buffer.from(FILES[p] ?? "");
const files = Object.keys(FILES).sort();

const set = (generator: unknown, template: unknown, goTemplate = false) => ({
  spec: { goTemplate, generators: [generator], template },
});

describe("expandAppSet", () => {
  const cases: {
    name: string;
    appset: Record<string, unknown>;
    names: string[];
    paths: string[];
  }[] = [
    {
      name: "list elements",
      appset: set(
        { list: { elements: [{ env: "dev" }, { env: "prod" }] } },
        {
          metadata: { name: "web-{{env}}" },
          spec: { source: { path: "apps/{{ env }}" } },
        },
      ),
      names: ["web-dev", "web-prod"],
      paths: ["apps/dev", "apps/prod"],
    },
    {
      name: "git directories with an exclude",
      appset: set(
        {
          git: {
            repoURL: REPO,
            directories: [
              { path: "apps/*" },
              { path: "apps/skip", exclude: true },
            ],
          },
        },
        {
          metadata: { name: "{{path.basename}}" },
          spec: { source: { path: "{{path}}" } },
        },
      ),
      names: ["a", "b"],
      paths: ["apps/a", "apps/b"],
    },
    {
      name: "git files, flattened keys",
      appset: set(
        { git: { repoURL: REPO, files: [{ path: "envs/*/config.json" }] } },
        {
          metadata: { name: "{{env}}-{{cluster.name}}" },
          spec: { source: { path: "{{path}}" } },
        },
      ),
      names: ["dev-c1", "prod-c2"],
      paths: ["envs/dev", "envs/prod"],
    },
    {
      name: "git files with goTemplate",
      appset: set(
        { git: { repoURL: REPO, files: [{ path: "envs/*/config.json" }] } },
        {
          metadata: { name: "{{.env}}-{{ .cluster.name }}" },
          spec: { source: { path: "{{.path.path}}" } },
        },
        true,
      ),
      names: ["dev-c1", "prod-c2"],
      paths: ["envs/dev", "envs/prod"],
    },
  ];
  for (const c of cases) {
    it(`expands ${c.name}`, async () => {
      const out = await expandAppSet(c.appset, files, [REPO], read);
      expect(out.notices).toEqual([]);
      const meta = (a: Record<string, unknown>) =>
        a["metadata"] as { name: string };
      const src = (a: Record<string, unknown>) =>
        (a["spec"] as { source: { path: string } }).source.path;
      expect(out.apps.map((a) => meta(a.app).name)).toEqual(c.names);
      expect(out.apps.map((a) => src(a.app))).toEqual(c.paths);
    });
  }

  it("notes generators it does not expand and other repositories", async () => {
    const appset = {
      spec: {
        generators: [
          { clusters: {} },
          {
            git: {
              repoURL: "https://github.com/other/x",
              directories: [{ path: "*" }],
            },
          },
        ],
        template: {},
      },
    };
    const out = await expandAppSet(appset, files, [REPO], read);
    expect(out.apps).toEqual([]);
    expect(out.notices).toEqual([
      'generator "clusters" is not expanded by the gate; its Applications are not rendered',
      "git generator on https://github.com/other/x (not this repository) was not expanded",
    ]);
  });
});
