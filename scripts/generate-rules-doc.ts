// Writes docs/rules.md from the METADATA of the built-in policy pack.
// `npm run docs:rules`; a test fails when the file is stale.
import { writeFileSync } from "node:fs";
import { readBuiltinPackFiles } from "../src/checks/policy/builtinPackFiles.js";
import { readPackMetadata } from "../src/checks/policy/packMetadata.js";
import { rulesDoc } from "../src/checks/policy/rulesDoc.js";

const files = await readBuiltinPackFiles();
const rules = files
  .filter((f) => !f.path.endsWith("_test.rego"))
  .flatMap((f) => readPackMetadata(f.path, f.source));
writeFileSync(new URL("../docs/rules.md", import.meta.url), rulesDoc(rules));
console.log(`wrote docs/rules.md (${rules.length} rules)`);
