import { z } from "zod";
import { severitySchema } from "./common.js";

/**
 * `overrides`: change the severity of (or drop) findings by check, rule id
 * glob and environment. Later entries win over earlier ones.
 */
export const overridesSchema = z
  .array(
    z
      .strictObject({
        check: z
          .enum([
            "yaml",
            "config",
            "render",
            "schema",
            "policy",
            "secrets",
            "images",
          ])
          .optional()
          .describe("Only findings of this check."),
        rule: z
          .string()
          .optional()
          .describe(
            "Rule id or glob, e.g. `schema/deprecated-api`, `GG-IMG-*`.",
          ),
        environments: z
          .array(z.string())
          .optional()
          .describe("Only findings in these environments."),
        severity: severitySchema.optional().describe("The new severity."),
        enabled: z
          .boolean()
          .optional()
          .describe("false drops matching findings (say why in `reason`)."),
        reason: z.string().optional(),
      })
      .refine((o) => o.check || o.rule, {
        message: "an override needs `check` or `rule`",
      }),
  )
  .default([])
  .describe(
    "Per-check, per-rule and per-environment severity overrides; later " +
      "entries win.",
  );
