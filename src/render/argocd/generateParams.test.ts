import { describe, expect, it } from "vitest";
import {
  REPO,
  appDirs,
  expandCase,
  gitFiles,
  list,
  matrix,
  namesOf,
  type Case,
} from "./test/appSetFixtures.js";

const cases: Case[] = [
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
    nameTemplate: "{{.env}}",
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
    nameTemplate: "{{path.basename}}",
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
    nameTemplate: "{{c}}",
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
    nameTemplate: "{{a}}",
    names: [],
    notices: [
      'selector operator "Gt" on "a" is not one of In, NotIn, Exists, DoesNotExist',
    ],
  },
  {
    name: "a matrix past the parameter-set limit",
    generators: [
      matrix(
        list(...Array.from({ length: 50 }, (_, i) => ({ a: String(i) }))),
        list(...Array.from({ length: 50 }, (_, i) => ({ b: String(i) }))),
      ),
    ],
    nameTemplate: "{{a}}-{{b}}",
    names: [],
    notices: [
      "matrix generator was not expanded: matrix generator gives more than 2000 parameter sets; the gate expands at most 2000",
    ],
  },
  {
    name: "git files with an exclude",
    generators: [
      {
        git: {
          repoURL: REPO,
          files: [
            { path: "targets/**/*.json" },
            { path: "targets/b/west.json", exclude: true },
          ],
        },
      },
    ],
    nameTemplate: "{{region}}-{{path[1]}}-{{path.filenameNormalized}}",
    names: ["east-a-east.json", "north-b-north.json"],
  },
  {
    name: "an entry naming two generators, and another repository in a matrix",
    generators: [
      { ...list({ a: "1" }), ...appDirs() },
      matrix(list({ a: "1" }), {
        git: {
          repoURL: "https://github.com/evil/x",
          directories: [{ path: "*" }],
        },
      }),
    ],
    nameTemplate: "{{a}}",
    names: [],
    notices: [
      "generator entry names more than one generator (list, git); Argo CD rejects it",
      "matrix generator was not expanded: git generator on https://github.com/evil/x (not this repository) was not expanded",
    ],
  },
  {
    name: "two Applications with one name",
    generators: [list({ a: "1" }, { a: "2" }), list({ a: "1" })],
    nameTemplate: "x-{{a}}",
    names: ["x-1", "x-2"],
    notices: [
      'generates more than one Application named "x-1"; Argo CD refuses duplicate names (only the first is rendered)',
    ],
  },
  {
    name: "list values that are not strings, without goTemplate",
    generators: [list({ a: "1", n: 3 })],
    nameTemplate: "{{a}}",
    names: [],
    notices: [
      'list element "n" is a number, not a string: without goTemplate Argo CD refuses it',
    ],
  },
  {
    name: "list elementsYaml from the first child of a matrix (goTemplate)",
    generators: [
      matrix(gitFiles("envs/dev/config.json"), {
        list: { elementsYaml: "- zone: {{.cluster.name}}-a\n- zone: z9\n" },
      }),
    ],
    goTemplate: true,
    nameTemplate: "{{.env}}-{{.zone}}",
    names: ["dev-c1-a", "dev-z9"],
  },
  {
    name: "list values that are not a map, without goTemplate",
    generators: [list({ a: "1", values: "x" })],
    nameTemplate: "{{a}}",
    names: [],
    notices: ['list element "values" is not a map'],
  },
  {
    name: "list values map, without goTemplate",
    generators: [list({ a: "1", values: { b: "2" } })],
    nameTemplate: "{{a}}-{{values.b}}",
    names: ["1-2"],
  },
];

describe("expandAppSet: selectors, limits and generator templates", () => {
  for (const c of cases) {
    it(`expands ${c.name}`, async () => {
      const out = await expandCase(c);
      expect(out.notices).toEqual(c.notices ?? []);
      expect(namesOf(out)).toEqual(c.names);
    });
  }

  it("records the files both matrix children read", async () => {
    const out = await expandCase({
      goTemplate: true,
      generators: [
        matrix(
          gitFiles("envs/dev/config.json"),
          gitFiles("targets/a/*.json", { pathParamPrefix: "t" }),
        ),
      ],
      nameTemplate: "{{.env}}-{{.region}}",
    });
    expect(out.apps.map((a) => a.read)).toEqual([
      ["envs/dev/config.json", "targets/a/east.json"],
    ]);
  });

  it("lets a top-level generator's template override the ApplicationSet's", async () => {
    const own = {
      list: {
        elements: [{ a: "1" }],
        template: { metadata: { name: "own-{{a}}" } },
      },
    };
    const out = await expandCase(
      { generators: [own], nameTemplate: "" },
      { metadata: { name: "base-{{a}}", labels: { l: "{{a}}" } } },
    );
    expect(out.apps.map((a) => a.app["metadata"])).toEqual([
      { name: "own-1", labels: { l: "1" } },
    ]);
  });
});
