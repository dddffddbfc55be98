import { describe, expect, it } from "vitest";
import { SCHEMA_RULES } from "./schemaRules.js";
import { schemaCheck } from "./schemaCheck.js";
import { schemaInput } from "./testInput.js";
import { edit, fixture, runCase, widget, type Case } from "./testCases.js";

const DEPLOYMENT = fixture("deployment.yaml");
const SERVICE = fixture("service.yaml");
const WIDGET_CRD = fixture("crd-widget.yaml");

const CRONJOB = `apiVersion: batch/v1beta1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: job
              image: busybox
`;

const CASES: Case[] = [
  {
    name: "a valid Deployment (nulls, int-or-string, quantities, status)",
    files: { "deploy.yaml": DEPLOYMENT, "svc.yaml": SERVICE },
    expected: [],
  },
  {
    name: "a valid Flux HelmRelease, HelmRepository and Kustomization",
    files: { "hr.yaml": fixture("helmrelease.yaml") },
    expected: [],
  },
  {
    name: "a valid Argo CD Application with free-form valuesObject",
    files: { "app.yaml": fixture("application.yaml") },
    expected: [],
  },
  {
    name: "a valid SealedSecret",
    files: { "ss.yaml": fixture("sealedsecret.yaml") },
    expected: [],
  },
  {
    name: "a valid Gateway API HTTPRoute and Prometheus ServiceMonitor",
    files: { "gm.yaml": fixture("gateway-monitoring.yaml") },
    expected: [],
  },
  {
    name: "a typo'd field",
    files: { "d.yaml": edit(DEPLOYMENT, "imagePullPolicy", "imagePullPolcy") },
    expected: [
      {
        ruleId: "schema/unknown-field",
        file: "d.yaml",
        marker: "imagePullPolcy",
        says: 'spec.template.spec.containers[0].imagePullPolcy: unknown field "imagePullPolcy" (did you mean "imagePullPolicy"?)',
      },
    ],
  },
  {
    name: "a misspelt required field is one finding, not two",
    files: {
      "s.yaml": edit(
        SERVICE,
        "    - name: http\n      port: 80",
        "    - name: http\n      prot: 80",
      ),
    },
    expected: [
      {
        ruleId: "schema/unknown-field",
        file: "s.yaml",
        marker: "prot: 80",
        says: 'spec.ports[0].prot: unknown field "prot" (did you mean "port"?)',
      },
    ],
  },
  {
    name: "a string where an integer belongs",
    files: { "d.yaml": edit(DEPLOYMENT, "replicas: 3", "replicas: three") },
    expected: [
      {
        ruleId: "schema/type",
        file: "d.yaml",
        marker: "replicas: three",
        says: "spec.replicas: must be integer, got string",
      },
    ],
  },
  {
    name: "a fraction where an integer belongs",
    files: {
      "d.yaml": edit(DEPLOYMENT, "containerPort: 8080", "containerPort: 80.5"),
    },
    expected: [
      {
        ruleId: "schema/type",
        file: "d.yaml",
        marker: "containerPort: 80.5",
        says: "spec.template.spec.containers[0].ports[0].containerPort: must be integer, got number",
      },
    ],
  },
  {
    name: "a missing required field points at its parent",
    files: { "s.yaml": edit(SERVICE, "      port: 80\n", "") },
    expected: [
      {
        ruleId: "schema/required",
        file: "s.yaml",
        marker: "- name: http",
        says: "spec.ports[0].port: required field is missing",
      },
    ],
  },
  {
    name: "a removed apiVersion, with its replacement",
    files: { "cj.yaml": CRONJOB },
    expected: [
      {
        ruleId: "schema/removed-api",
        file: "cj.yaml",
        marker: "apiVersion: batch/v1beta1",
        says: "removed in Kubernetes 1.25 (target: Kubernetes 1.33); use batch/v1",
      },
    ],
  },
  {
    name: "a deprecated apiVersion on an older target is a warning",
    files: { "cj.yaml": CRONJOB },
    config: { checks: { schema: { kubernetesVersion: "v1.22.4" } } },
    expected: [
      {
        ruleId: "schema/deprecated-api",
        severity: "warning",
        file: "cj.yaml",
        marker: "apiVersion: batch/v1beta1",
        says: "deprecated since Kubernetes 1.21 and removed in 1.25; use batch/v1",
      },
    ],
  },
  {
    name: "an apiVersion newer than the target",
    files: { "cj.yaml": edit(CRONJOB, "batch/v1beta1", "batch/v1") },
    config: { checks: { schema: { kubernetesVersion: "1.20" } } },
    expected: [
      {
        ruleId: "schema/unavailable-api",
        file: "cj.yaml",
        marker: "apiVersion: batch/v1",
        says: "only served from Kubernetes 1.21",
      },
    ],
  },
  {
    name: "PodSecurityPolicy has no replacement API",
    files: {
      "psp.yaml":
        "apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata:\n  name: restricted\nspec: {}\n",
    },
    expected: [
      {
        ruleId: "schema/removed-api",
        file: "psp.yaml",
        marker: "apiVersion",
        says: "Pod Security Admission",
      },
    ],
  },
  {
    name: "a kind with no schema is a notice by default",
    files: {
      "x.yaml": "apiVersion: acme.io/v1\nkind: Gadget\nmetadata:\n  name: g\n",
    },
    expected: [
      {
        ruleId: "schema/unknown-kind",
        severity: "notice",
        file: "x.yaml",
        marker: "apiVersion",
        says: "no schema for Gadget acme.io/v1",
      },
    ],
  },
  {
    name: "a Kubernetes kind in a version no release serves",
    files: { "d.yaml": edit(DEPLOYMENT, "apps/v1", "apps/v2") },
    expected: [
      {
        ruleId: "schema/unknown-kind",
        file: "d.yaml",
        marker: "apiVersion",
        says: "Deployment is not served as apps/v2 by the shipped Kubernetes schemas; use apps/v1",
      },
    ],
  },
  {
    name: "a shipped CRD kind in a version the shipped schemas lack",
    files: {
      "a.yaml":
        "apiVersion: argoproj.io/v1beta1\nkind: Application\nmetadata:\n  name: a\n",
    },
    expected: [
      {
        ruleId: "schema/unknown-kind",
        severity: "notice",
        file: "a.yaml",
        marker: "apiVersion",
        says: "the shipped schemas know argoproj.io/v1alpha1",
      },
    ],
  },
  {
    name: "a misspelt group of a Kubernetes kind",
    files: {
      "d.yaml": edit(DEPLOYMENT, "apiVersion: apps/v1", "apiVersion: app/v1"),
    },
    expected: [
      {
        ruleId: "schema/unknown-kind",
        severity: "notice",
        file: "d.yaml",
        marker: "apiVersion",
        says: "did you mean apps/v1?",
      },
    ],
  },
  {
    name: "a misspelt kind in a Kubernetes group is an error",
    files: {
      "k.yaml": `apiVersion: apps/v1\nkind: deployment\nmetadata:\n  name: d\n---\napiVersion: v1\nkind: ConfigMapp\nmetadata:\n  name: c\n`,
    },
    expected: [
      {
        ruleId: "schema/unknown-kind",
        file: "k.yaml",
        marker: "kind: deployment",
        says: "Kubernetes serves no kind deployment in apps (did you mean Deployment?)",
      },
      {
        ruleId: "schema/unknown-kind",
        file: "k.yaml",
        marker: "kind: ConfigMapp",
        says: "no kind ConfigMapp in the core group (did you mean ConfigMap?)",
      },
    ],
  },
  {
    name: "a Kubernetes kind in the wrong Kubernetes group",
    files: { "d.yaml": edit(DEPLOYMENT, "apps/v1", "v1") },
    expected: [
      {
        ruleId: "schema/unknown-kind",
        file: "d.yaml",
        marker: "apiVersion: v1",
        says: "Kubernetes serves no kind Deployment in the core group; Deployment is served as apps/v1",
      },
    ],
  },
  {
    name: "a kind with no schema is an error when config says so",
    files: {
      "x.yaml": "apiVersion: acme.io/v1\nkind: Gadget\nmetadata:\n  name: g\n",
    },
    config: { checks: { schema: { unknownKinds: "error" } } },
    expected: [
      {
        ruleId: "schema/unknown-kind",
        severity: "error",
        file: "x.yaml",
        marker: "apiVersion",
      },
    ],
  },
  {
    name: "enum, quantity, int-or-string and annotation values",
    files: {
      "d.yaml": edit(
        edit(
          edit(
            DEPLOYMENT,
            "imagePullPolicy: IfNotPresent",
            "imagePullPolicy: Sometimes",
          ),
          "cpu: 100m",
          "cpu: lots",
        ),
        "app.kubernetes.io/name: web",
        "app.kubernetes.io/name: web\n  annotations:\n    replicas-hint: 3",
      ),
      "s.yaml": edit(SERVICE, "targetPort: 9090", "targetPort: [9090]"),
    },
    expected: [
      {
        ruleId: "schema/type",
        file: "d.yaml",
        marker: "replicas-hint",
        says: 'metadata.annotations["replicas-hint"]: must be string, got integer',
      },
      {
        ruleId: "schema/enum",
        file: "d.yaml",
        marker: "Sometimes",
        says: '"Always", "IfNotPresent", "Never", got "Sometimes"',
      },
      {
        ruleId: "schema/format",
        file: "d.yaml",
        marker: "cpu: lots",
        says: "spec.template.spec.containers[0].resources.requests.cpu: must be a Kubernetes quantity",
      },
      {
        ruleId: "schema/type",
        file: "s.yaml",
        marker: "targetPort: [9090]",
        says: "spec.ports[1].targetPort: must be integer or string, got array",
      },
    ],
  },
  {
    name: "YAML merge keys are merged, as kubectl does",
    files: {
      "d.yaml": edit(
        DEPLOYMENT,
        "        - name: web\n",
        "        - &web\n          name: web\n",
      ).replace(
        "      volumes: []",
        "        - <<: *web\n          name: sidecar\n          imagePullPolcy: Always\n      volumes: []",
      ),
    },
    expected: [
      {
        ruleId: "schema/unknown-field",
        file: "d.yaml",
        marker: "imagePullPolcy: Always",
        says: "spec.template.spec.containers[1].imagePullPolcy",
      },
    ],
  },
  {
    name: "a hostile __proto__ key is an unknown field, not a prototype",
    files: {
      "p.yaml":
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n" +
        "__proto__:\n  x: null\ndata:\n  k: v\n",
    },
    expected: [
      { ruleId: "schema/unknown-field", file: "p.yaml", marker: "__proto__" },
    ],
  },
  {
    name: "plain text in Secret.data (never echoed); base64 over lines is fine",
    files: {
      "s.yaml":
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\n" +
        "data:\n  user: YWRtaW4=\n  pem: |\n    LS0tLS1CRUdJTi\n    BLRVktLS0tLQ==\n" +
        "  password: hunter2-in-clear\nstringData:\n  note: plain is fine here\n",
    },
    expected: [
      {
        ruleId: "schema/format",
        file: "s.yaml",
        marker: "password:",
        says: "data.password: must be base64-encoded (use stringData for plain text)",
      },
    ],
  },
  {
    name: "a SOPS-encrypted Secret (metadata and ENC values) passes",
    files: {
      "s.yaml":
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\n" +
        "data:\n  password: ENC[AES256_GCM,data:q2Vb,iv:AAAA,tag:BBBB,type:str]\n" +
        "sops:\n  age:\n    - recipient: age1xyz\n      enc: |\n        x\n" +
        "  lastmodified: '2024-01-01T00:00:00Z'\n  mac: ENC[AES256_GCM,data:zz,type:str]\n" +
        "  encrypted_regex: ^(data|stringData)$\n  version: 3.8.1\n",
    },
    expected: [],
  },
  {
    name: "Flux postBuild variables stand in for typed values",
    files: {
      "d.yaml": edit(
        edit(DEPLOYMENT, "replicas: 3", "replicas: ${REPLICAS:=2}"),
        "imagePullPolicy: IfNotPresent",
        "imagePullPolicy: ${PULL_POLICY}",
      ),
    },
    expected: [],
  },
  {
    name: "an item of a v1 List",
    files: {
      "list.yaml":
        "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n" +
        "    metadata:\n      name: a\n    dta:\n      k: v\n",
    },
    expected: [
      {
        ruleId: "schema/unknown-field",
        file: "list.yaml",
        marker: "dta:",
        says: 'dta: unknown field "dta" (did you mean "data"?)',
      },
    ],
  },
];

describe("schemaCheck", () => {
  it.each(CASES)("$name", async (c) => {
    const { findings, got, want } = await runCase(c);
    expect(got).toEqual(want);
    for (const f of findings) {
      expect(f.message).not.toContain("hunter2");
      expect(SCHEMA_RULES.has(f.ruleId), `${f.ruleId} documented`).toBe(true);
    }
    c.expected.forEach((e, i) => {
      if (e.says) expect(findings[i]?.message).toContain(e.says);
      expect(findings[i]?.check).toBe("schema");
    });
  });

  it("names the resource and the target of each finding", async () => {
    const files = { "d.yaml": edit(DEPLOYMENT, "replicas: 3", "replicas: x") };
    const [f] = await schemaCheck.run(schemaInput(files));
    expect(f?.resource).toEqual({
      apiVersion: "apps/v1",
      kind: "Deployment",
      name: "web",
      namespace: "shop",
    });
    expect(f?.target).toBe("plain:.");
  });

  it("skips repository files it cannot read", async () => {
    const input = schemaInput(
      { "w.yaml": widget("  size: big\n") },
      { repoOnly: { "crd.yaml": WIDGET_CRD } },
    );
    const head = input.head;
    const files = await head.files();
    input.head = {
      ...head,
      files: async () => [...files, "escape.yaml"],
      readFile: (p) =>
        p === "escape.yaml"
          ? Promise.reject(new Error("path leaves the tree"))
          : head.readFile(p),
    };
    const findings = await schemaCheck.run(input);
    expect(findings.map((f) => f.ruleId)).toEqual(["schema/type"]);
  });

  it("links API lifecycle findings to the migration guide", async () => {
    const [f] = await schemaCheck.run(schemaInput({ "cj.yaml": CRONJOB }));
    expect(f?.docsUrl).toMatch(/kubernetes\.io\/.*deprecation-guide/);
  });

  it("does nothing when disabled", async () => {
    const files = { "cj.yaml": CRONJOB };
    const config = { checks: { schema: { enabled: false } } };
    expect(await schemaCheck.run(schemaInput(files, { config }))).toEqual([]);
  });
});
