import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseYaml } from "../../../manifests/parseYaml.js";
import { parseGatekeeper } from "./parseGatekeeper.js";
import { actionSeverity, inventory, reviewInput } from "./reviewInput.js";

const EXAMPLE = new URL(
  "../../../../examples/policy-gatekeeper/policy/",
  import.meta.url,
);

function docs(path: string, text: string) {
  return parseYaml(path, text).documents.map((doc) => ({ path, doc }));
}

function example(rel: string) {
  return docs(`policy/${rel}`, readFileSync(new URL(rel, EXAMPLE), "utf8"));
}

describe("parseGatekeeper", () => {
  it("reads a classic rego template and maps module rows to YAML lines", () => {
    const { templates, problems } = parseGatekeeper(
      example("templates/requiredlabels.yaml"),
    );
    expect(problems).toEqual([]);
    const [t] = templates;
    expect([t?.name, t?.kind, t?.package, t?.v0Compatible]).toEqual([
      "requiredlabels",
      "RequiredLabels",
      "requiredlabels",
      true,
    ]);
    const text = readFileSync(
      new URL("templates/requiredlabels.yaml", EXAMPLE),
      "utf8",
    ).split("\n");
    const row =
      t!.modules[0]!.source.split("\n").findIndex((l) =>
        l.startsWith("violation"),
      ) + 1;
    const mapped = t!.sourceMap(t!.modules[0]!.path);
    expect(mapped.path).toBe("policy/templates/requiredlabels.yaml");
    expect(text[row + mapped.lineOffset - 1]?.trim()).toMatch(/^violation\[/);
  });

  it("reads the code: form with libs, mapping lib rows too", () => {
    const { templates } = parseGatekeeper(
      example("templates/allowedrepos.yaml"),
    );
    const [t] = templates;
    expect(t?.modules.map((m) => m.source.split("\n")[0])).toEqual([
      "package allowedrepos",
      "package lib.containers",
    ]);
    const text = readFileSync(
      new URL("templates/allowedrepos.yaml", EXAMPLE),
      "utf8",
    ).split("\n");
    const lib = t!.modules[1]!;
    const { lineOffset } = t!.sourceMap(lib.path);
    expect(text[1 + lineOffset - 1]?.trim()).toBe("package lib.containers");
  });

  it("reads constraints with match, parameters and actions", () => {
    const { constraints } = parseGatekeeper([
      ...example("constraints/owner-label.yaml"),
      ...example("constraints/allowed-repos.yaml"),
    ]);
    expect(
      constraints.map((c) => [
        c.kind,
        c.name,
        c.enforcementActions,
        c.location.line,
      ]),
    ).toEqual([
      ["RequiredLabels", "must-have-owner", ["deny"], 1],
      ["AllowedRepos", "company-registry", ["warn"], 1],
    ]);
    expect(constraints[0]?.match["excludedNamespaces"]).toEqual([
      "kube-system",
    ]);
  });

  const bad: [string, string, string, string][] = [
    [
      "CEL-only template",
      "apiVersion: templates.gatekeeper.sh/v1\nkind: ConstraintTemplate\nmetadata: {name: cel}\nspec:\n  crd: {spec: {names: {kind: Cel}}}\n  targets:\n    - target: admission.k8s.gatekeeper.sh\n      code:\n        - engine: K8sNativeValidation\n          source: {validations: []}\n",
      "policy/template-not-rego",
      "notice",
    ],
    [
      "no kind",
      "apiVersion: templates.gatekeeper.sh/v1\nkind: ConstraintTemplate\nmetadata: {name: nokind}\nspec:\n  targets: [{rego: 'package x'}]\n",
      "policy/template-load-failed",
      "error",
    ],
    [
      "no package",
      'apiVersion: templates.gatekeeper.sh/v1\nkind: ConstraintTemplate\nmetadata: {name: nopkg}\nspec:\n  crd: {spec: {names: {kind: X}}}\n  targets: [{rego: \'violation[{"msg": "m"}] { true }\'}]\n',
      "policy/template-load-failed",
      "error",
    ],
    [
      "template without violation",
      'apiVersion: templates.gatekeeper.sh/v1\nkind: ConstraintTemplate\nmetadata: {name: noviol}\nspec:\n  crd: {spec: {names: {kind: X}}}\n  targets: [{rego: "package x\\ndeny[m] { m := 1 }"}]\n',
      "policy/template-load-failed",
      "error",
    ],
  ];
  it.each(bad)("reports a %s", (_name, text, ruleId, severity) => {
    const { templates, problems } = parseGatekeeper(
      docs("policy/t.yaml", text),
    );
    expect(templates).toEqual([]);
    expect(
      problems.map((p) => [p.ruleId, p.severity, p.location.path]),
    ).toEqual([[ruleId, severity, "policy/t.yaml"]]);
  });

  it("reads scoped enforcement actions", () => {
    const text =
      "apiVersion: constraints.gatekeeper.sh/v1beta1\nkind: X\nmetadata: {name: s}\nspec:\n  enforcementAction: scoped\n  scopedEnforcementActions:\n    - {action: warn}\n    - {action: dryrun}\n";
    expect(
      parseGatekeeper(docs("p.yaml", text)).constraints[0]?.enforcementActions,
    ).toEqual(["warn", "dryrun"]);
  });
});

describe("actionSeverity", () => {
  const cases: [string[], string][] = [
    [["deny"], "error"],
    [["warn"], "warning"],
    [["dryrun"], "notice"],
    [["Deny"], "error"],
    [["warn", "dryrun"], "warning"],
    [["warn", "deny"], "error"],
    [["unknown"], "error"],
  ];
  it.each(cases)("%j is %s", (actions, expected) => {
    expect(actionSeverity(actions)).toBe(expected);
  });
});

describe("reviewInput and inventory", () => {
  const deploy = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    name: "web",
    namespace: "shop",
    object: { kind: "Deployment" },
  };
  const ns = {
    apiVersion: "v1",
    kind: "Namespace",
    name: "shop",
    object: { kind: "Namespace" },
  };

  it("builds gator's admission review", () => {
    expect(reviewInput(deploy, { repos: ["x"] })).toEqual({
      review: {
        kind: { group: "apps", version: "v1", kind: "Deployment" },
        name: "web",
        namespace: "shop",
        operation: "CREATE",
        object: { kind: "Deployment" },
      },
      parameters: { repos: ["x"] },
    });
    expect(reviewInput(ns, undefined)).toMatchObject({
      review: { kind: { group: "", version: "v1" }, namespace: "" },
      parameters: {},
    });
  });

  it("indexes objects like Gatekeeper's data.inventory", () => {
    expect(inventory([deploy, ns])).toEqual({
      cluster: { v1: { Namespace: { shop: { kind: "Namespace" } } } },
      namespace: {
        shop: { "apps/v1": { Deployment: { web: { kind: "Deployment" } } } },
      },
    });
  });
});
