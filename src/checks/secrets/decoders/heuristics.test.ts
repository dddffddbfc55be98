import { describe, expect, it } from "vitest";
import { isCredentialKey, isCredentialValue } from "../credentialKey.js";
import { isPlaceholder } from "../placeholders.js";
import { base64Text } from "./base64Text.js";
import { mustEncrypt, parseSopsConfig, sopsRuleFor } from "./sopsConfig.js";

describe("isCredentialKey", () => {
  it.each([
    ["password", true],
    ["DB_PASSWORD", true],
    ["adminPassword", true],
    ["apiKey", true],
    ["api-key", true],
    ["client_secret", true],
    ["AUTH_TOKEN", true],
    ["secretKey", true],
    ["secretName", false],
    ["existingSecret", false],
    ["auth.existingSecret", false],
    ["auth.adminPassword", true],
    ["passwordKey", false],
    ["tokenFile", false],
    ["secretRef", false],
    ["username", false],
    ["keyboard", false],
  ])("%s → %s", (key, want) => {
    expect(isCredentialKey(key)).toBe(want);
  });
});

describe("isPlaceholder / isCredentialValue", () => {
  it.each([
    ["<path:kv/data/db#password>", true],
    ["${DB_PASSWORD}", true],
    ["$(PASSWORD)", true],
    ["{{ .Values.password }}", true],
    ["changeme", true],
    ["CHANGE_ME", true],
    ["xxxxxxxx", true],
    ["********", true],
    ["ENC[AES256_GCM,data:abc,iv:x,tag:y,type:str]", true],
    ["<your token here>", true],
    ["", true],
    ["$oidc.okta.clientSecret", true],
    ["$argocd-dex-github:clientSecret", true],
    ["$DB_PASSWORD", true],
    ["%API_TOKEN%", true],
    ["$ecretPw-7dKq2mZx9", false],
    ["$3cr3t.Pw", false],
    ["Pw-7dKq2mZx9", false],
    ["hunter2hunter2", false],
  ])("isPlaceholder(%j) → %s", (value, want) => {
    expect(isPlaceholder(value)).toBe(want);
  });

  it.each([
    ["true", false],
    ["8080", false],
    ["short", false],
    ["this is a sentence of prose", false],
    ["Pw-7dKq2mZx9", true],
  ])("isCredentialValue(%j) → %s", (value, want) => {
    expect(isCredentialValue(value)).toBe(want);
  });
});

describe("base64Text", () => {
  it.each([
    ["aHVudGVyMg==", "hunter2"],
    ["aHVudGVy\n  Mg==", "hunter2"],
    ["not base64!", undefined],
    ["abc", undefined],
    [Buffer.from([0, 1, 2, 255, 254]).toString("base64"), undefined],
  ])("%j → %j", (input, want) => {
    expect(base64Text(input)).toBe(want);
  });
});

describe(".sops.yaml", () => {
  const rules = parseSopsConfig(
    [
      "creation_rules:",
      "- path_regex: ^clusters/prod/.*",
      "  encrypted_regex: ^(data|stringData)$",
      "- path_regex: \\.env$",
      "  unencrypted_suffix: _plain",
      "- age: age1catchall",
    ].join("\n"),
  );

  it("picks the first rule whose path_regex matches", () => {
    expect(sopsRuleFor(rules, "clusters/prod/db.yaml")?.index).toBe(0);
    expect(sopsRuleFor(rules, "apps/.env")?.index).toBe(1);
    expect(sopsRuleFor(rules, "apps/x.yaml")?.index).toBe(2);
  });

  it.each([
    [0, ["data", "password"], true],
    [0, ["metadata", "name"], false],
    [1, ["DB_PASSWORD"], true],
    [1, ["HOST_plain"], false],
    [2, ["anything"], true],
    [2, ["note_unencrypted"], false],
  ])("rule %i, keys %j → %s", (index, keys, want) => {
    const rule = rules[index];
    expect(rule && mustEncrypt(rule, keys)).toBe(want);
  });

  it("refuses a regex that RE2 cannot compile, naming the rule", () => {
    expect(() =>
      parseSopsConfig("creation_rules:\n- path_regex: '(?=lookahead)'\n"),
    ).toThrow(/creation_rules\[0\]\.path_regex/);
  });
});
