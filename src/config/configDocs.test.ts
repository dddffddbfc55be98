import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Ajv2020 } from "ajv/dist/2020.js";
import { configDocs } from "./configDocs.js";
import { configJsonSchema } from "./configJsonSchema.js";

const read = (p: string) =>
  readFileSync(new URL(`../../${p}`, import.meta.url), "utf8");

describe("generated config schema and docs", () => {
  it("are up to date (run `npm run schema:config`)", () => {
    expect(JSON.parse(read("schema/gitops-gate.schema.json"))).toEqual(
      configJsonSchema(),
    );
    expect(read("docs/config.md")).toBe(configDocs());
  });

  it("the JSON Schema accepts the example config and rejects typos", () => {
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(configJsonSchema());
    expect(validate({ gate: { failOn: "warning" } })).toBe(true);
    expect(validate({ gate: { failOnn: "warning" } })).toBe(false);
  });

  it("documents nested keys with their defaults", () => {
    expect(configDocs()).toContain(
      '| `checks.schema.unknownKinds` | `error` \\| `warning` \\| `notice` | `"notice"` |',
    );
  });
});
