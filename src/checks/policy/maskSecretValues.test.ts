import { describe, expect, it } from "vitest";
import { parseYaml } from "../../manifests/parseYaml.js";
import { toResources } from "../../manifests/toResources.js";
import { maskSecretValues } from "./maskSecretValues.js";

const [secret] = toResources(
  "s.yaml",
  parseYaml(
    "s.yaml",
    "apiVersion: v1\nkind: Secret\nmetadata: {name: db}\ndata:\n  password: aHVudGVyMjI=\nstringData:\n  token: s3cr3t-t0ken\n  short: ab\n",
  ).documents,
).resources;

describe("maskSecretValues", () => {
  const cases: [string, string, string][] = [
    ["decoded data value", "password is hunter22", "password is ***"],
    ["encoded data value", "data.password=aHVudGVyMjI=", "data.password=***"],
    ["stringData value", "token s3cr3t-t0ken leaked", "token *** leaked"],
    ["keys stay", "keys: password, token", "keys: password, token"],
    ["values too short to mask", "ab is fine", "ab is fine"],
  ];
  it.each(cases)("masks the %s", (_name, message, expected) => {
    expect(maskSecretValues(message, secret)).toBe(expected);
  });

  it("leaves other kinds alone", () => {
    expect(
      maskSecretValues("hunter22", { ...secret!, kind: "ConfigMap" }),
    ).toBe("hunter22");
    expect(maskSecretValues("hunter22")).toBe("hunter22");
  });
});
