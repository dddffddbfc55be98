import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { SourceIndex } from "../locate/SourceIndex.js";
import { EQUAL_VALUES_NOTE, valuesByEquality } from "./valuesByEquality.js";

const FILES: Record<string, string> = {
  "values.yaml": "pod:\n  labels:\n    app: web\nempty: {}\n",
  "values-prod.yaml": "pod:\n  labels:\n    tier: front\n",
  "blank.yaml": "~\n",
};

it.each<[unknown, (string | number)[], number | undefined]>([
  // The merged block {app, tier} is in no single file: each key's own line.
  [{ labels: { app: "web", tier: "front" } }, ["labels", "tier"], 3],
  [{ labels: { app: "web", tier: "front" } }, ["labels", "app"], 3],
  // Empty blocks match anything and say nothing.
  [{ labels: {} }, ["labels"], undefined],
  [{ labels: { other: "x" } }, ["labels", "other"], undefined],
])("locates %j at %j on line %s", async (object, field, line) => {
  const dir = await mkdtemp(join(tmpdir(), "gg-values-"));
  try {
    for (const [f, text] of Object.entries(FILES)) {
      await writeFile(join(dir, f), text);
    }
    const index = new SourceIndex(dir);
    const files = ["values.yaml", "values-prod.yaml", "blank.yaml"];
    await index.load(files);
    const got = valuesByEquality(object, field, files, index);
    const path = field[1] === "app" ? "values.yaml" : "values-prod.yaml";
    expect(got).toEqual(
      line === undefined
        ? undefined
        : { path, line, approximate: EQUAL_VALUES_NOTE },
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
