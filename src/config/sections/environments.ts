import { z } from "zod";

/** `environments`: name → path globs; the first matching entry wins. */
export const environmentsSchema = z
  .record(
    z.string(),
    z.strictObject({
      paths: z
        .array(z.string())
        .min(1)
        .describe("Globs (relative to the repo root) of this environment."),
    }),
  )
  .default({})
  .describe(
    "Environments by name. The first whose paths match a file wins; " +
      "per-environment severities use these names.",
  );
