import { z } from "zod";
import { environmentsSchema } from "./sections/environments.js";
import { overridesSchema } from "./sections/overrides.js";
import { renderSchema } from "./sections/render.js";
import {
  imagesCheckSchema,
  policyCheckSchema,
  schemaCheckSchema,
  secretsCheckSchema,
  yamlCheckSchema,
} from "./sections/checks.js";

/**
 * The one schema of `.github/gitops-gate.yml`: types, defaults and the
 * generated JSON Schema (`schema/gitops-gate.schema.json`) all come from it.
 */
export const configSchema = z
  .strictObject({
    extends: z
      .string()
      .optional()
      .describe("Org defaults, `owner/repo:path` (Probot's `_extends`)."),
    _extends: z.string().optional(),
    environments: environmentsSchema,
    render: renderSchema,
    checks: z
      .strictObject({
        yaml: yamlCheckSchema,
        schema: schemaCheckSchema,
        policy: policyCheckSchema,
        secrets: secretsCheckSchema,
        images: imagesCheckSchema,
      })
      .prefault({}),
    overrides: overridesSchema,
    gate: z
      .strictObject({
        failOn: z.enum(["error", "warning", "never"]).default("error"),
        newFindingsOnly: z
          .boolean()
          .default(false)
          .describe(
            "Block only on findings the base branch does not already have " +
              "(for adopting the gate on a repository with existing problems); " +
              "they are still listed.",
          ),
        drafts: z.enum(["neutral", "check"]).default("neutral"),
      })
      .prefault({}),
    commands: z
      .strictObject({ teams: z.array(z.string()).default([]) })
      .prefault({}),
  })
  .describe("GitOps Gate repository configuration");

/** The parsed config with every default filled in. */
export type Config = z.infer<typeof configSchema>;
/** The config as written in the file (every key optional). */
export type ConfigInput = z.input<typeof configSchema>;
