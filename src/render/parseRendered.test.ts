import { describe, expect, it } from "vitest";
import { parseRendered } from "./parseRendered.js";

describe("parseRendered", () => {
  it("reads the stream as kubectl does (YAML 1.1 scalars)", () => {
    // `helm template` prints `value: {{ .Values.flag }}` as written.
    const text =
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n" +
      'data:\n  a: yes\n  b: "yes"\n  mode: 0644\n';
    const { objects, problems } = parseRendered(text, "chart/Chart.yaml");
    expect(problems).toEqual([]);
    expect(objects[0]?.["data"]).toEqual({ a: true, b: "yes", mode: 420 });
  });
});
