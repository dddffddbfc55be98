import { gunzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ErrorObject } from "ajv";
import { apiStatus } from "./apiLifecycle.js";
import { BuiltinSchemas } from "./builtinSchemas.js";
import { createAjv } from "./createAjv.js";
import { formatFieldPath, toFieldPath } from "./fieldPath.js";
import { parseKubeVersion } from "./kubeVersion.js";
import { pruneNulls } from "./pruneNulls.js";
import { schemaProblems } from "./schemaProblems.js";
import { suggestField } from "./schemaHints.js";
import { strictCrdSchema } from "./strictCrdSchema.js";

describe("formatFieldPath / toFieldPath", () => {
  const cases: [string, unknown, string][] = [
    ["", {}, "(root)"],
    [
      "/spec/containers/0/image",
      { spec: { containers: [{}] } },
      "spec.containers[0].image",
    ],
    ["/data/0", { data: { "0": "x" } }, 'data["0"]'],
    [
      "/metadata/labels/app.kubernetes.io~1name",
      {},
      'metadata.labels["app.kubernetes.io/name"]',
    ],
    ["/a~0b", {}, '["a~b"]'],
  ];
  it.each(cases)("%s", (pointer, root, shown) => {
    expect(formatFieldPath(toFieldPath(pointer, root))).toBe(shown);
  });

  it("keeps numbers for array steps only", () => {
    const root = { items: [{ m: { "1": 2 } }] };
    expect(toFieldPath("/items/0/m/1", root)).toEqual(["items", 0, "m", "1"]);
  });
});

describe("pruneNulls", () => {
  it("drops null map values at any depth and keeps array nulls", () => {
    const input = { a: null, b: { c: null, d: 1 }, e: [null, { f: null }] };
    expect(pruneNulls(input)).toEqual({ b: { d: 1 }, e: [null, {}] });
    expect(input.b.c).toBeNull(); // the input is not mutated
  });

  it("returns clean objects as they are", () => {
    const clean = { a: { b: [1, "x", { c: true }] } };
    expect(pruneNulls(clean)).toBe(clean);
  });
});

describe("apiStatus", () => {
  const cases: [string, string, string, string][] = [
    ["extensions/v1beta1", "Ingress", "1.21", "deprecated"],
    ["extensions/v1beta1", "Ingress", "1.22", "removed"],
    ["policy/v1beta1", "PodDisruptionBudget", "1.24", "deprecated"],
    ["policy/v1beta1", "PodDisruptionBudget", "1.25", "removed"],
    ["autoscaling/v2beta2", "HorizontalPodAutoscaler", "1.26", "removed"],
    [
      "flowcontrol.apiserver.k8s.io/v1beta3",
      "FlowSchema",
      "1.31",
      "deprecated",
    ],
    ["flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema", "1.32", "removed"],
    ["flowcontrol.apiserver.k8s.io/v1", "FlowSchema", "1.28", "unavailable"],
    ["autoscaling/v2", "HorizontalPodAutoscaler", "1.22", "unavailable"],
    ["autoscaling/v2", "HorizontalPodAutoscaler", "1.23", "served"],
    ["apps/v1", "Deployment", "1.16", "served"],
    ["v1", "Endpoints", "1.33", "deprecated"],
    ["v1", "Endpoints", "1.32", "served"],
  ];
  it.each(cases)("%s %s on %s is %s", (apiVersion, kind, v, status) => {
    expect(apiStatus(apiVersion, kind, parseKubeVersion(v)).status).toBe(
      status,
    );
  });
});

describe("parseKubeVersion", () => {
  it.each(["1.33", "v1.33", "1.33.7", " 1.33 "])("reads %s", (text) => {
    expect(parseKubeVersion(text)).toEqual({ major: 1, minor: 33 });
  });
  it.each(["", "1", "latest", "1.x", "1.33-rc.1"])("rejects %j", (text) => {
    expect(() => parseKubeVersion(text)).toThrow(/not a Kubernetes version/);
  });
});

describe("suggestField", () => {
  const parent = { properties: { imagePullPolicy: {}, image: {}, name: {} } };
  const cases: [string, string | undefined][] = [
    ["imagePullPolcy", "imagePullPolicy"],
    ["ImagePullPolicy", "imagePullPolicy"],
    ["nmae", "name"],
    ["volumes", undefined],
  ];
  it.each(cases)("%s -> %s", (field, hint) => {
    expect(suggestField(field, parent)).toBe(hint);
  });
});

describe("strictCrdSchema", () => {
  const validate = (schema: unknown, data: unknown) => {
    const fn = createAjv().compile(strictCrdSchema(schema));
    fn(data);
    return (fn.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`);
  };
  const base = { apiVersion: "x/v1", kind: "K", metadata: { name: "n" } };

  it("rejects unknown fields unless preserve-unknown-fields says so", () => {
    const schema = {
      type: "object",
      properties: {
        spec: {
          type: "object",
          properties: {
            a: { type: "string" },
            free: {
              type: "object",
              "x-kubernetes-preserve-unknown-fields": true,
            },
            mixed: {
              type: "object",
              "x-kubernetes-preserve-unknown-fields": true,
              properties: { n: { type: "integer" } },
            },
          },
        },
      },
    };
    const data = {
      ...base,
      spec: { a: "x", b: 1, free: { z: 1 }, mixed: { n: "no", y: 2 } },
    };
    expect(validate(schema, data)).toEqual([
      "/spec additionalProperties",
      "/spec/mixed/n type",
    ]);
  });

  it("accepts an integer or a string for int-or-string, nothing else", () => {
    const port = {
      "x-kubernetes-int-or-string": true,
      anyOf: [{ type: "integer" }, { type: "string" }],
    };
    const schema = { type: "object", properties: { port } };
    expect(validate(schema, { ...base, port: 80 })).toEqual([]);
    expect(validate(schema, { ...base, port: "http" })).toEqual([]);
    expect(validate(schema, { ...base, port: 1.5 })).toEqual(["/port type"]);
  });

  it("lets embedded resources carry apiVersion, kind and metadata", () => {
    const tpl = {
      type: "object",
      "x-kubernetes-embedded-resource": true,
      properties: { spec: { type: "object" } },
    };
    const schema = { type: "object", properties: { tpl } };
    const data = { ...base, tpl: { ...base, spec: {} } };
    expect(validate(schema, data)).toEqual([]);
  });

  it("rejects unknown top-level fields of a custom resource", () => {
    const schema = { type: "object", properties: { spec: { type: "object" } } };
    expect(validate(schema, { ...base, sepc: {} })).toEqual([
      " additionalProperties",
    ]);
  });
});

describe("schemaProblems", () => {
  it("collapses the branches of an anyOf into one problem", () => {
    const ajv = createAjv();
    const fn = ajv.compile({
      type: "object",
      properties: {
        v: { anyOf: [{ type: "integer" }, { type: "string", pattern: "^a" }] },
      },
    });
    fn({ v: "b" });
    const problems = schemaProblems(fn.errors as ErrorObject[], { v: "b" });
    expect(problems.map((p) => [p.ruleId, p.message])).toEqual([
      ["schema/type", "v: matches none of the allowed forms"],
    ]);
  });

  it("never echoes long values (they may be secret material)", () => {
    const fn = createAjv().compile({ enum: ["a", "b"] });
    const secret = "s3cr3t-".repeat(10);
    fn(secret);
    const [p] = schemaProblems(fn.errors as ErrorObject[], secret);
    expect(p?.message).not.toContain("s3cr3t");
  });
});

describe("BuiltinSchemas", () => {
  const index = JSON.parse(
    gunzipSync(
      readFileSync(
        new URL("../../../schemas/kubernetes/index.json.gz", import.meta.url),
      ),
    ).toString(),
  ) as { coreKinds: string[]; kinds: Record<string, string> };
  const split = (key: string): [string, string] => {
    const at = key.lastIndexOf("/");
    return [key.slice(0, at), key.slice(at + 1)];
  };

  it("compiles every shipped kind for the default target", async () => {
    const kinds = [...index.coreKinds, ...Object.keys(index.kinds)];
    expect(kinds.length).toBeGreaterThan(240);
    const schemas = new BuiltinSchemas();
    const target = parseKubeVersion("1.33");
    for (const key of kinds) {
      const fn = await schemas.validator(...split(key), target);
      expect(fn, key).toBeTypeOf("function");
    }
  });

  const sidecar = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "p" },
    spec: {
      initContainers: [
        { name: "proxy", image: "envoy", restartPolicy: "Always" },
      ],
      containers: [
        { name: "app", image: "app", ports: [{ containerPort: 8 }] },
      ],
    },
  };
  const targets: [string, boolean][] = [
    ["1.20", false],
    ["1.23", false],
    ["1.27", false],
    ["1.28", true],
    ["1.33", true],
    ["1.40", true],
  ];
  it.each(targets)(
    "validates a Pod with a sidecar init container for %s: %s",
    async (version, valid) => {
      const schemas = new BuiltinSchemas();
      const fn = await schemas.validator(
        "v1",
        "Pod",
        parseKubeVersion(version),
      );
      expect(fn?.(sidecar)).toBe(valid);
    },
  );

  it("explains how to rebuild when the shipped schemas cannot be read", async () => {
    const broken = new BuiltinSchemas(async () => Buffer.from("not gzip"));
    const target = parseKubeVersion("1.33");
    await expect(broken.validator("v1", "Pod", target)).rejects.toThrow(
      /cannot load shipped schemas "index".*build-schemas/,
    );
  });
});
