import { describe, expect, it } from "vitest";
import { expandAppSet } from "./expandAppSet.js";

const REPO = "https://github.com/acme/gitops.git";
const FILES: Record<string, string> = {
  "envs/dev/config.json":
    '{"env": "dev", "cluster": {"name": "c1"}, "zones": ["z1", "z2"]}',
  "envs/prod/config.json": '{"env": "prod", "cluster": {"name": "c2"}}',
  "apps/a/x.yaml": "",
  "apps/b/x.yaml": "",
  "apps/skip/x.yaml": "",
  "targets/a/east.json": '{"region": "east"}',
  "targets/b/west.json": '{"region": "west"}',
  "targets/b/north.json": '{"region": "north"}',
};
const read = async (p: string) => Buffer.from(FILES[p] ?? "");
const files = Object.keys(FILES).sort();

type Gen = Record<string, unknown>;
const list = (...elements: Gen[]): Gen => ({ list: { elements } });
const appDirs = (extra: Gen = {}): Gen => ({
  git: {
    repoURL: REPO,
    directories: [{ path: "apps/*" }, { path: "apps/skip", exclude: true }],
    ...extra,
  },
});
const gitFiles = (path: string, extra: Gen = {}): Gen => ({
  git: { repoURL: REPO, files: [{ path }], ...extra },
});
const matrix = (...generators: Gen[]): Gen => ({ matrix: { generators } });
const merge = (mergeKeys: string[], ...generators: Gen[]): Gen => ({
  merge: { mergeKeys, generators },
});

interface Case {
  name: string;
  generators: Gen[];
  /** Template of `metadata.name`. */
  name_: string;
  goTemplate?: boolean;
  applyNestedSelectors?: boolean;
  names: string[];
  notices?: string[];
}

const cases: Case[] = [
  {
    name: "matrix of git directories × list",
    generators: [matrix(appDirs(), list({ cl: "c1" }, { cl: "c2" }))],
    name_: "{{path.basename}}-{{cl}}-{{path[1]}}",
    names: ["a-c1-a", "a-c2-a", "b-c1-b", "b-c2-b"],
  },
  {
    name: "matrix whose second child uses the first's params (goTemplate)",
    generators: [
      matrix(
        appDirs(),
        gitFiles("targets/{{.path.basename}}/*.json", {
          pathParamPrefix: "target",
        }),
      ),
    ],
    name_: "{{.path.basename}}-{{.region}}-{{.target.path.filename}}",
    goTemplate: true,
    names: ["a-east-east.json", "b-north-north.json", "b-west-west.json"],
  },
  {
    name: "matrix whose second child uses the first's params (fasttemplate)",
    generators: [
      matrix(list({ env: "dev" }, { env: "prod" }), gitFiles("envs/{{env}}/*")),
    ],
    name_: "{{env}}-{{cluster.name}}-{{path.basename}}",
    names: ["dev-c1-dev", "prod-c2-prod"],
  },
  {
    name: "flattened git-file arrays and pathParamPrefix on both gits",
    generators: [
      matrix(
        gitFiles("envs/dev/config.json", { pathParamPrefix: "e" }),
        appDirs({ pathParamPrefix: "app" }),
      ),
    ],
    name_: "{{zones.1}}-{{e.path.basename}}-{{app.path.basename}}",
    names: ["z2-dev-a", "z2-dev-b"],
  },
  {
    name: "goTemplate matrix: the first child's value wins",
    generators: [matrix(list({ x: "first" }), list({ x: "second", y: "y" }))],
    name_: "{{.x}}-{{.y}}",
    goTemplate: true,
    names: ["first-y"],
  },
  {
    name: "fasttemplate matrix: two gits without a prefix conflict",
    generators: [matrix(appDirs(), gitFiles("envs/*/config.json"))],
    name_: "{{path}}",
    names: [],
    notices: [
      'matrix generator was not expanded: matrix generator: both child generators set parameter "path", to different values (a git generator may need pathParamPrefix)',
    ],
  },
  {
    name: "a generator we do not expand inside a matrix",
    generators: [matrix(appDirs(), { clusters: {} })],
    name_: "{{name}}",
    names: [],
    notices: [
      'matrix generator was not expanded: generator "clusters" is not expanded by the gate; its Applications are not rendered',
    ],
  },
  {
    name: "a matrix nested once",
    generators: [
      matrix(
        list({ a: "1" }, { a: "2" }),
        matrix(list({ b: "x{{a}}" }), list({ c: "{{b}}y" })),
      ),
    ],
    name_: "{{a}}-{{b}}-{{c}}",
    names: ["1-x1-x1y", "2-x2-x2y"],
  },
  {
    name: "a combination nested twice",
    generators: [
      matrix(list({ a: "1" }), merge(["a"], list({ a: "1" }), matrix())),
    ],
    name_: "{{a}}",
    names: [],
    notices: [
      "matrix generator was not expanded: combination-type generators can only be nested once: found matrix inside a nested matrix or merge",
    ],
  },
  {
    name: "a matrix of three",
    generators: [matrix(list({ a: "1" }), list({ b: "1" }), list({ c: "1" }))],
    name_: "{{a}}",
    names: [],
    notices: [
      "matrix generator was not expanded: matrix generator needs exactly two child generators, found 3",
    ],
  },
  {
    name: "merge with mergeKeys",
    generators: [
      merge(
        ["app"],
        list(
          { app: "a", n: "1" },
          { app: "b", n: "1" },
          { app: "b", n: "1", dup: "kept" },
        ),
        list({ app: "b", n: "3" }, { app: "zz", n: "9" }),
        list({ app: "a", n: "5" }),
      ),
    ],
    name_: "{{app}}-{{n}}",
    names: ["a-5", "b-3", "b-3"],
  },
  {
    name: "merge of git directories with values and a list",
    generators: [
      merge(
        ["values.app"],
        appDirs({ values: { app: "{{path.basename}}" } }),
        list({ "values.app": "b", extra: "x" }),
      ),
    ],
    name_: "{{values.app}}-{{extra}}",
    names: ["a-{{extra}}", "b-x"],
  },
  {
    name: "goTemplate merge deep-merges nested params",
    generators: [
      merge(
        ["app"],
        list(
          { app: "a", size: { cpu: 1, mem: 2 } },
          { app: "b", size: { cpu: 1, mem: 2 } },
        ),
        list({ app: "b", size: { cpu: 4 } }),
      ),
    ],
    name_: "{{.app}}-{{.size.cpu}}-{{.size.mem}}",
    goTemplate: true,
    names: ["a-1-2", "b-4-2"],
  },
  {
    name: "merge whose override repeats a key",
    generators: [
      merge(["app"], list({ app: "a" }), list({ app: "a" }, { app: "a" })),
    ],
    name_: "{{app}}",
    names: [],
    notices: [
      "merge generator was not expanded: merge generator: child generator 2 gives two parameter sets with the same mergeKeys (app); they must be unique",
    ],
  },
  {
    name: "merge without mergeKeys",
    generators: [merge([], list({ app: "a" }), list({ app: "a" }))],
    name_: "{{app}}",
    names: [],
    notices: [
      "merge generator was not expanded: merge generator without mergeKeys was not expanded",
    ],
  },
  {
    name: "a top-level selector over flattened goTemplate params",
    generators: [
      {
        ...gitFiles("envs/*/config.json"),
        selector: {
          matchExpressions: [
            { key: "cluster.name", operator: "In", values: ["c2"] },
          ],
        },
      },
    ],
    name_: "{{.env}}",
    goTemplate: true,
    names: ["prod"],
  },
  {
    name: "a selector on a matrix child, interpolated",
    generators: [
      matrix(list({ want: "b" }, { want: "a" }), {
        ...appDirs(),
        selector: { matchLabels: { "path.basename": "{{want}}" } },
      }),
    ],
    name_: "{{path.basename}}",
    names: ["b", "a"],
  },
  ...[false, true].map((nested): Case => ({
    name: `a nested child's selector, applyNestedSelectors ${nested}`,
    applyNestedSelectors: nested,
    generators: [
      matrix(
        list({ a: "1" }),
        matrix(list({ b: "x" }), {
          ...list({ c: "1" }, { c: "2" }),
          selector: { matchLabels: { c: "2" } },
        }),
      ),
    ],
    name_: "{{c}}",
    names: nested ? ["2"] : ["1", "2"],
  })),
  {
    name: "a selector with an unknown operator",
    generators: [
      {
        ...list({ a: "1" }),
        selector: { matchExpressions: [{ key: "a", operator: "Gt" }] },
      },
    ],
    name_: "{{a}}",
    names: [],
    notices: [
      'selector operator "Gt" on "a" is not one of In, NotIn, Exists, DoesNotExist',
    ],
  },
];

describe("expandAppSet with matrix, merge and selectors", () => {
  for (const c of cases) {
    it(`expands ${c.name}`, async () => {
      const appset = {
        spec: {
          goTemplate: c.goTemplate ?? false,
          applyNestedSelectors: c.applyNestedSelectors ?? false,
          generators: c.generators,
          template: { metadata: { name: c.name_ } },
        },
      };
      const out = await expandAppSet(appset, files, [REPO], read);
      expect(out.notices).toEqual(c.notices ?? []);
      const names = out.apps.map(
        (a) => (a.app["metadata"] as { name: string }).name,
      );
      expect(names).toEqual(c.names);
    });
  }

  it("records the files both matrix children read", async () => {
    const appset = {
      spec: {
        goTemplate: true,
        generators: [
          matrix(
            gitFiles("envs/dev/config.json"),
            gitFiles("targets/a/*.json", { pathParamPrefix: "t" }),
          ),
        ],
        template: { metadata: { name: "{{.env}}-{{.region}}" } },
      },
    };
    const out = await expandAppSet(appset, files, [REPO], read);
    expect(out.apps.map((a) => a.read)).toEqual([
      ["envs/dev/config.json", "targets/a/east.json"],
    ]);
  });

  it("lets a top-level generator's template override the ApplicationSet's", async () => {
    const appset = {
      spec: {
        generators: [
          {
            list: {
              elements: [{ a: "1" }],
              template: { metadata: { name: "own-{{a}}" } },
            },
          },
        ],
        template: {
          metadata: { name: "base-{{a}}", labels: { l: "{{a}}" } },
        },
      },
    };
    const out = await expandAppSet(appset, files, [REPO], read);
    expect(out.apps.map((a) => a.app["metadata"])).toEqual([
      { name: "own-1", labels: { l: "1" } },
    ]);
  });
});
