import { z } from "zod";
import { configSchema } from "./schema.js";

/**
 * The JSON Schema of the config file, generated from the zod schema (the
 * input side: every key optional, defaults documented). Editors use the
 * committed copy in `schema/gitops-gate.schema.json` for completion.
 */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, {
    io: "input",
    target: "draft-2020-12",
  }) as Record<string, unknown>;
  return {
    ...schema,
    title: "GitOps Gate repository configuration",
  };
}
