// Bench of the policy check: the built-in pack, the conftest example and 20
// Gatekeeper-library-style templates over the examples scaled to 1,000
// resources. Prints time per resource; never fails on time.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { globSync } from "tinyglobby";
import { configSchema } from "../src/config/schema.js";
import { parseYaml } from "../src/manifests/parseYaml.js";
import { toResources } from "../src/manifests/toResources.js";
import type { Resource } from "../src/manifests/Resource.js";
import { compile } from "../src/rego/index.js";
import type { CheckInput } from "../src/checks/Check.js";
import { readBuiltinPackFiles } from "../src/checks/policy/builtinPackFiles.js";
import { createPolicyCheck } from "../src/checks/policy/createPolicyCheck.js";

const EXAMPLES = new URL("../examples/", import.meta.url);

/** Rego bodies of five template shapes, in the library's v0 style. */
const SHAPES: Record<string, (n: number) => [string, string]> = {
  labels: (n) => [
    `violation[{"msg": msg}] {\n  provided := {l | input.review.object.metadata.labels[l]}\n  required := {l | l := input.parameters.labels[_]}\n  missing := required - provided\n  count(missing) > 0\n  msg := sprintf("missing labels: %v", [missing])\n}`,
    `{labels: ["team-${n}", "app"]}`,
  ],
  repos: (n) => [
    `violation[{"msg": msg}] {\n  c := input_containers[_]\n  ok := [r | r := input.parameters.repos[_]; startswith(c.image, r)]\n  count(ok) == 0\n  msg := sprintf("image %v not allowed", [c.image])\n}\ninput_containers[c] { c := input.review.object.spec.template.spec.containers[_] }\ninput_containers[c] { c := input.review.object.spec.containers[_] }`,
    `{repos: ["ghcr.io/acme-${n}/", "docker.io/"]}`,
  ],
  privileged: () => [
    `violation[{"msg": msg}] {\n  c := input_containers[_]\n  c.securityContext.privileged\n  msg := sprintf("privileged: %v", [c.name])\n}\ninput_containers[c] { c := input.review.object.spec.template.spec.containers[_] }\ninput_containers[c] { c := input.review.object.spec.template.spec.initContainers[_] }`,
    "{}",
  ],
  hostns: () => [
    `violation[{"msg": msg}] {\n  s := object.get(input.review.object.spec, ["template", "spec"], {})\n  host(s)\n  msg := "host namespace"\n}\nhost(s) { s.hostPID }\nhost(s) { s.hostIPC }\nhost(s) { s.hostNetwork }`,
    "{}",
  ],
  limits: (n) => [
    `violation[{"msg": msg}] {\n  c := input.review.object.spec.template.spec.containers[_]\n  not c.resources.limits[input.parameters.resource]\n  msg := sprintf("container %v has no %v limit", [c.name, input.parameters.resource])\n}`,
    `{resource: ${n % 2 === 0 ? "memory" : "cpu"}}`,
  ],
};

/** 20 templates (5 shapes x 4) and a constraint for each. */
function gatekeeperFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [shape, make] of Object.entries(SHAPES)) {
    for (let n = 0; n < 4; n++) {
      const [rego, params] = make(n);
      const pkg = `bench${shape}${n}`;
      const kind = `Bench${shape[0]!.toUpperCase()}${shape.slice(1)}${n}`;
      const body = `package ${pkg}\n\n${rego}`
        .split("\n")
        .map((l) => (l === "" ? "" : `        ${l}`))
        .join("\n");
      files[`policy/gk/${pkg}.yaml`] =
        `apiVersion: templates.gatekeeper.sh/v1\nkind: ConstraintTemplate\nmetadata:\n  name: ${pkg}\nspec:\n  crd:\n    spec:\n      names:\n        kind: ${kind}\n  targets:\n    - target: admission.k8s.gatekeeper.sh\n      rego: |\n${body}\n` +
        `---\napiVersion: constraints.gatekeeper.sh/v1beta1\nkind: ${kind}\nmetadata:\n  name: c${n}\nspec:\n  match:\n    kinds: [{apiGroups: ["apps", ""], kinds: ["Deployment", "Pod"]}]\n  parameters: ${params}\n`;
    }
  }
  return files;
}

/** The examples' manifests, renamed and repeated to `count` resources. */
function scaledResources(count: number): Resource[] {
  const files = globSync(["**/*.yaml"], {
    cwd: EXAMPLES.pathname,
    ignore: ["**/policy/**", "**/kustomization.yaml", "prs/**"],
  }).sort();
  const texts = files.map((f) => readFileSync(new URL(f, EXAMPLES), "utf8"));
  const out: Resource[] = [];
  for (let i = 0; out.length < count; i++) {
    const text = texts[i % texts.length]!.replace(
      /name: ([\w.-]+)/,
      `name: $1-${i}`,
    );
    const parsed = parseYaml(`apps/r${i}.yaml`, text);
    out.push(...toResources(`apps/r${i}.yaml`, parsed.documents).resources);
  }
  return out.slice(0, count);
}

function memoryTree(files: Record<string, string>): CheckInput["head"] {
  return {
    dir: "/bench",
    side: "base",
    files: async () => Object.keys(files).sort(),
    readFile: async (p) => Buffer.from(files[p] ?? ""),
  };
}

/** Times the policy check over 1,000 resources; prints ms per resource. */
export async function benchPolicy(): Promise<void> {
  const resources = scaledResources(1_000);
  const conftest = readFileSync(
    new URL("policy-conftest/policy/deployment.rego", EXAMPLES),
    "utf8",
  );
  const base = memoryTree({
    ...gatekeeperFiles(),
    "policy/main.rego": conftest,
    "policy/data.yaml": "limits: {minReplicas: 2}\nteams: [shop]\n",
  });
  const target = {
    target: {
      id: "plain:bench",
      kind: "plain" as const,
      path: "bench",
      inputs: [],
    },
    ok: true,
    resources,
    findings: [],
  };
  const input: CheckInput = {
    config: configSchema.parse({}),
    head: base,
    base,
    targets: [target],
    changes: { all: true, paths: [], commits: [] },
    environmentOf: () => undefined,
  };
  const check = createPolicyCheck({
    compile,
    builtinPack: () => readBuiltinPackFiles(),
  });
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    const findings = await check.run(input);
    const ms = performance.now() - t0;
    const errors = findings.filter(
      (f) =>
        f.check === "policy" &&
        (f.ruleId.startsWith("policy/") || f.ruleId.startsWith("yaml/")),
    );
    if (process.env.BENCH_DEBUG)
      for (const e of errors) console.log(e.ruleId, e.location, e.message);
    console.log(
      `policy: ${resources.length} resources, pack + conftest + 20 templates: ` +
        `${ms.toFixed(0)} ms total, ${(ms / resources.length).toFixed(3)} ms/resource ` +
        `(run ${run + 1}${run === 0 ? ", includes compile" : ""}; ${findings.length} findings, ` +
        `${errors.length} policy errors${errors[0] ? `: ${errors[0].message.slice(0, 120)}` : ""}) [target: < 5 ms/resource]`,
    );
  }
}
