// Writes schema/gitops-gate.schema.json and docs/config.md from the zod
// config schema. `npm run schema:config`; a test fails when they are stale.
import { writeFileSync } from "node:fs";
import { configDocs } from "../src/config/configDocs.js";
import { configJsonSchema } from "../src/config/configJsonSchema.js";

const root = new URL("..", import.meta.url);
writeFileSync(
  new URL("schema/gitops-gate.schema.json", root),
  `${JSON.stringify(configJsonSchema(), null, 2)}\n`,
);
writeFileSync(new URL("docs/config.md", root), configDocs());
console.log("wrote schema/gitops-gate.schema.json and docs/config.md");
