import { describe, expect, it } from "vitest";
import {
  appDirs,
  expandCase,
  gitFiles,
  list,
  matrix,
  merge,
  namesOf,
  type Case,
} from "./test/appSetFixtures.js";

const cases: Case[] = [
  {
    name: "matrix of git directories × list",
    generators: [matrix(appDirs(), list({ cl: "c1" }, { cl: "c2" }))],
    nameTemplate: "{{path.basename}}-{{cl}}-{{path[1]}}",
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
    nameTemplate: "{{.path.basename}}-{{.region}}-{{.target.path.filename}}",
    goTemplate: true,
    names: ["a-east-east.json", "b-north-north.json", "b-west-west.json"],
  },
  {
    name: "matrix whose second child uses the first's params (fasttemplate)",
    generators: [
      matrix(list({ env: "dev" }, { env: "prod" }), gitFiles("envs/{{env}}/*")),
    ],
    nameTemplate: "{{env}}-{{cluster.name}}-{{path.basename}}",
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
    nameTemplate: "{{zones.1}}-{{e.path.basename}}-{{app.path.basename}}",
    names: ["z2-dev-a", "z2-dev-b"],
  },
  {
    name: "goTemplate matrix: the first child's value wins",
    generators: [matrix(list({ x: "first" }), list({ x: "second", y: "y" }))],
    nameTemplate: "{{.x}}-{{.y}}",
    goTemplate: true,
    names: ["first-y"],
  },
  {
    name: "fasttemplate matrix: two gits without a prefix conflict",
    generators: [matrix(appDirs(), gitFiles("envs/*/config.json"))],
    nameTemplate: "{{path}}",
    names: [],
    notices: [
      'matrix generator was not expanded: matrix generator: both child generators set parameter "path", to different values (a git generator may need pathParamPrefix)',
    ],
  },
  {
    name: "a generator we do not expand inside a matrix",
    generators: [matrix(appDirs(), { clusters: {} })],
    nameTemplate: "{{name}}",
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
    nameTemplate: "{{a}}-{{b}}-{{c}}",
    names: ["1-x1-x1y", "2-x2-x2y"],
  },
  {
    name: "a combination nested twice",
    generators: [
      matrix(list({ a: "1" }), merge(["a"], list({ a: "1" }), matrix())),
    ],
    nameTemplate: "{{a}}",
    names: [],
    notices: [
      "matrix generator was not expanded: combination-type generators can only be nested once: found matrix inside a nested matrix or merge",
    ],
  },
  {
    name: "a matrix of three",
    generators: [matrix(list({ a: "1" }), list({ b: "1" }), list({ c: "1" }))],
    nameTemplate: "{{a}}",
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
    nameTemplate: "{{app}}-{{n}}-{{dup}}",
    names: ["a-5-{{dup}}", "b-3-{{dup}}", "b-3-kept"],
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
    nameTemplate: "{{values.app}}-{{extra}}",
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
    nameTemplate: "{{.app}}-{{.size.cpu}}-{{.size.mem}}",
    goTemplate: true,
    names: ["a-1-2", "b-4-2"],
  },
  {
    name: "merge whose override repeats a key",
    generators: [
      merge(["app"], list({ app: "a" }), list({ app: "a" }, { app: "a" })),
    ],
    nameTemplate: "{{app}}",
    names: [],
    notices: [
      "merge generator was not expanded: merge generator: child generator 2 gives two parameter sets with the same mergeKeys (app); they must be unique",
    ],
  },
  {
    name: "merge without mergeKeys",
    generators: [merge([], list({ app: "a" }), list({ app: "a" }))],
    nameTemplate: "{{app}}",
    names: [],
    notices: [
      "merge generator was not expanded: merge generator without mergeKeys was not expanded",
    ],
  },
];

describe("expandAppSet: matrix and merge generators", () => {
  for (const c of cases) {
    it(`expands ${c.name}`, async () => {
      const out = await expandCase(c);
      expect(out.notices).toEqual(c.notices ?? []);
      expect(namesOf(out)).toEqual(c.names);
    });
  }
});
