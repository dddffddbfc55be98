import { z } from "zod";
import { environmentSeveritySchema, severitySchema } from "./common.js";

const ruleOverride = z.strictObject({
  enabled: z.boolean().optional(),
  severity: severitySchema.optional(),
  environments: environmentSeveritySchema.optional(),
});

/** `checks.yaml`: YAML and structure problems. */
export const yamlCheckSchema = z
  .strictObject({ enabled: z.boolean().default(true) })
  .prefault({});

/** `checks.schema`: Kubernetes schema validation. */
export const schemaCheckSchema = z
  .strictObject({
    enabled: z.boolean().default(true),
    kubernetesVersion: z.string().default("1.33"),
    unknownKinds: severitySchema.default("notice"),
  })
  .prefault({});

/** `checks.policy`: Rego policies (the org's and the built-in pack). */
export const policyCheckSchema = z
  .strictObject({
    enabled: z.boolean().default(true),
    paths: z.array(z.string()).default(["policy/"]),
    namespaces: z
      .union([z.array(z.string()), z.literal("all")])
      .default(["main"]),
    regoVersion: z
      .enum(["auto", "v0", "v1"])
      .default("auto")
      .describe(
        "Rego syntax of the conftest-style policies: v1 (OPA 1.x), v0 " +
          "(OPA 0.x, unless a module imports rego.v1), or auto: v1 unless " +
          "a module only parses as v0.",
      ),
    combined: z
      .boolean()
      .default(false)
      .describe(
        "Give policies all resources of a target at once, as conftest " +
          "--combine does: an array of {path, contents}, one per document.",
      ),
    org: z
      .strictObject({
        repo: z.string(),
        ref: z.string().default("main"),
        path: z.string().default("policy/"),
      })
      .optional(),
    builtin: z
      .strictObject({
        enabled: z.boolean().default(true),
        rules: z.record(z.string(), ruleOverride).default({}),
        allowedRegistries: z.array(z.string()).default([]),
      })
      .prefault({}),
    multiTenant: z.boolean().default(false),
    limits: z
      .strictObject({
        timeoutMs: z.number().positive().default(5000),
        maxSteps: z.number().int().positive().default(10_000_000),
      })
      .prefault({}),
  })
  .prefault({});

/** `checks.secrets`: secret scanning of what the PR adds. */
export const secretsCheckSchema = z
  .strictObject({
    enabled: z.boolean().default(true),
    allow: z
      .array(
        z.union([
          z.strictObject({ path: z.string(), reason: z.string() }),
          z.strictObject({ rule: z.string(), reason: z.string() }),
          z.strictObject({ fingerprint: z.string(), reason: z.string() }),
        ]),
      )
      .default([]),
  })
  .prefault({});

const keyAuthority = z.strictObject({
  key: z.union([
    z.strictObject({ path: z.string() }),
    z.strictObject({ pem: z.string() }),
  ]),
});

const keylessAuthority = z.strictObject({
  keyless: z.strictObject({ issuer: z.string(), subject: z.string() }),
});

/** `checks.images`: signatures and attestations of deployed images. */
export const imagesCheckSchema = z
  .strictObject({
    enabled: z.boolean().default(true),
    verify: z.enum(["changed", "all"]).default("changed"),
    requireDigest: severitySchema.default("warning"),
    unreachable: z.enum(["fail", "warn"]).default("fail"),
    policies: z
      .array(
        z.strictObject({
          name: z.string(),
          images: z.array(z.string()).min(1),
          authorities: z
            .array(z.union([keyAuthority, keylessAuthority]))
            .min(1),
          attestations: z
            .array(z.strictObject({ predicateType: z.string() }))
            .default([]),
          ignoreTlog: z.boolean().default(false),
          mode: z.enum(["enforce", "warn"]).default("enforce"),
          environments: z
            .record(z.string(), z.enum(["enforce", "warn"]))
            .default({}),
        }),
      )
      .default([]),
  })
  .prefault({});
