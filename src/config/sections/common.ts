import { z } from "zod";

/** Finding severities as config values. */
export const severitySchema = z
  .enum(["error", "warning", "notice"])
  .describe(
    "Finding severity: error blocks (by default), warning and notice inform.",
  );

/** Per-environment overrides of a severity: `{ prod: error }`. */
export const environmentSeveritySchema = z
  .record(z.string(), severitySchema)
  .describe("Severity by environment name (keys of `environments`).");
