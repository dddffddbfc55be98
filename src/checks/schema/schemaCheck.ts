import type { Check, CheckInput } from "../Check.js";
import type { Finding } from "../../findings/finding.js";
import { BuiltinSchemas } from "./builtinSchemas.js";
import { CrdSchemas } from "./CrdSchemas.js";
import { repoCrds } from "./repoCrds.js";
import { validateResource, type SchemaContext } from "./validateResource.js";
import { OLDEST_COVERED, targetVersion } from "./versionCoverage.js";

/** Shipped schemas, compiled lazily and kept for the life of the process. */
const builtin = new BuiltinSchemas();

/**
 * Strict Kubernetes schema validation of every rendered resource of the
 * affected targets, like `kubeconform -strict`: types, required fields,
 * enums, formats and unknown fields, against the shipped Kubernetes and
 * CRD schemas and the CRDs of the repository, plus deprecated and removed
 * apiVersions for `checks.schema.kubernetesVersion`.
 */
export const schemaCheck = {
  name: "schema",
  async run(input: CheckInput): Promise<Finding[]> {
    const config = input.config.checks.schema;
    if (!config.enabled) return [];
    const newest = (await builtin.releases()).at(-1) ?? OLDEST_COVERED;
    // Config comes from the base tree: point at the file it was read from.
    const configTree = input.base ?? input.head;
    const version = await targetVersion(
      config.kubernetesVersion,
      newest,
      configTree,
    );
    const out: Finding[] = version.problem ? [version.problem] : [];
    if (!("target" in version)) return out;
    const versions = await repoCrds(input.head, input.targets);
    const meta = versions.length > 0 ? await builtin.objectMeta() : undefined;
    const ctx: SchemaContext = {
      builtin,
      crds: new CrdSchemas(versions, meta),
      target: version.target,
      unknownKinds: config.unknownKinds,
    };
    // Every target's copy is kept: the gate merges repeats after
    // per-environment overrides, keeping the worst.
    for (const rendered of input.targets) {
      for (const r of rendered.resources) {
        input.signal?.throwIfAborted();
        for (const f of await validateResource(r, ctx)) {
          out.push(withTarget(f, rendered.target, input));
        }
      }
    }
    return out;
  },
} satisfies Check;

function withTarget(
  f: Finding,
  target: CheckInput["targets"][number]["target"],
  input: CheckInput,
): Finding {
  const out: Finding = { ...f, target: target.id };
  const env = target.environment ?? input.environmentOf(f.location.path);
  if (env !== undefined) out.environment = env;
  return out;
}
