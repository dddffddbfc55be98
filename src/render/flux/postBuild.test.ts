import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RenderTarget } from "../RenderTarget.js";
import { scenario, type Scenario } from "../testing/scenario.js";
import { fluxRenderer } from "./fluxRenderer.js";

const ks = (
  name: string,
  postBuild: string,
) => `apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: ${name}
  namespace: flux-system
spec:
  sourceRef:
    kind: GitRepository
    name: flux-system
  path: ./apps/${name}
${postBuild}`;

const cm = (name: string, data: string, meta = "") =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${meta}data:\n${data}`;

const FILES: Record<string, string> = {
  "apps/defaults/a.yaml": cm(
    "a",
    [
      '  region: "${REGION:=eu-west-1}"',
      '  zone: "${ZONE:=${REGION:=eu}-a}"',
      '  env: "${EMPTY=dev}"',
      '  upper: "${CLUSTER^^}"',
      '  script: "echo $${HOME} $$PATH ${CLUSTER}"',
      '  long: "' + "word ".repeat(30) + '${CLUSTER:=with spaces in it}"',
      "",
    ].join("\n"),
  ),
  "apps/defaults/skip.yaml": cm(
    "skip",
    '  raw: "${CLUSTER} $${X}"\n',
    "  annotations:\n    kustomize.toolkit.fluxcd.io/substitute: disabled\n",
  ),
  "apps/cluster-vars/a.yaml": cm(
    "a",
    '  v: "${FROM_CLUSTER}"\n  c: "${CLUSTER}"\n',
  ),
  "apps/secret-vars/a.yaml": cm(
    "a",
    '  user: "${DB_USER}"\n  pass: "${DB_PASS}"\n  token: "${TOKEN}"\n',
  ),
  "clusters/secrets.yaml":
    "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  namespace: flux-system\n" +
    "data:\n  DB_PASS: aHVudGVyMg==\nstringData:\n  DB_USER: admin\n---\n" +
    "apiVersion: v1\nkind: Secret\nmetadata:\n  name: enc\n  namespace: flux-system\n" +
    "data:\n  TOKEN: ENC[AES256_GCM,data:abc,type:str]\nsops:\n  version: 3.8.1\n",
  "clusters/secret-vars.yaml": ks(
    "secret-vars",
    "  postBuild:\n    substituteFrom:\n      - kind: Secret\n        name: db\n      - kind: Secret\n        name: enc\n",
  ),
  "apps/bad/a.yaml": cm("a", '  v: "${ not-a-var }"\n'),
  "apps/none/a.yaml": cm("a", '  v: "${KEEP}"\n'),
  "clusters/defaults.yaml": ks(
    "defaults",
    '  postBuild:\n    substitute:\n      CLUSTER: prod\n      EMPTY: ""\n',
  ),
  "clusters/cluster-vars.yaml": ks(
    "cluster-vars",
    "  postBuild:\n    substitute:\n      CLUSTER: prod\n    substituteFrom:\n      - kind: ConfigMap\n        name: only-in-cluster\n",
  ),
  "clusters/bad.yaml": ks("bad", "  postBuild:\n    substitute:\n      A: b\n"),
  "clusters/none.yaml": ks("none", ""),
};

describe("Flux postBuild substitution", () => {
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
  const data = (out: Awaited<ReturnType<typeof render>>, name: string) =>
    out.resources.find((r) => r.name === name)?.object["data"];

  it("applies defaults, nested defaults, functions and $$ escapes", async () => {
    const out = await render("defaults");
    expect(out.findings).toEqual([]);
    expect(data(out, "a")).toEqual({
      region: "eu-west-1",
      zone: "eu-a",
      env: "dev",
      upper: "PROD",
      script: "echo ${HOME} $PATH prod",
      long: "word ".repeat(30) + "prod",
    });
  });

  it("leaves resources marked substitute: disabled alone", async () => {
    const out = await render("defaults");
    expect(data(out, "skip")).toEqual({ raw: "${CLUSTER} $${X}" });
  });

  it("keeps variables that may come from a ConfigMap outside the repo", async () => {
    const out = await render("cluster-vars");
    expect(data(out, "a")).toEqual({ v: "${FROM_CLUSTER}", c: "prod" });
    expect(out.findings.map((f) => [f.severity, f.message])).toEqual([
      [
        "notice",
        'substituteFrom ConfigMap "only-in-cluster" is not in the repository; its variables were not substituted',
      ],
    ]);
  });

  it("masks values from Secrets and keeps those of SOPS-encrypted ones", async () => {
    const out = await render("secret-vars");
    expect(data(out, "a")).toEqual({
      user: "<masked>",
      pass: "<masked>",
      token: "${TOKEN}",
    });
    expect(JSON.stringify(out)).not.toContain("hunter2");
    expect(out.findings.map((f) => f.message)).toEqual([
      'substituteFrom Secret "enc" is encrypted with SOPS, which only the cluster can decrypt; its variables were not substituted',
    ]);
  });

  it("fails the target on a reference Flux cannot parse", async () => {
    const out = await render("bad");
    expect(out.ok).toBe(false);
    expect(out.findings.map((f) => [f.ruleId, f.location, f.message])).toEqual([
      [
        "render/substitute-failed",
        { path: "clusters/bad.yaml", line: 1 },
        "postBuild substitution failed in ConfigMap/a: unable to parse variable name",
      ],
    ]);
  });

  it("does not substitute without postBuild", async () => {
    const out = await render("none");
    expect(data(out, "a")).toEqual({ v: "${KEEP}" });
  });
});
