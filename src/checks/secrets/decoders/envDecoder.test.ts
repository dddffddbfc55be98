import { describe, expect, it } from "vitest";
import { envCandidates } from "./envDecoder.js";

const site = { path: "f", line: 10, where: "test" };
const found = (text: string) =>
  envCandidates(text, site).map((c) => [c.line, c.value]);

describe("envCandidates", () => {
  it.each<[string, string, (number | string)[][]]>([
    ["KEY=value", "DB_PASSWORD=Pw-7dKq2mZx9", [[10, "Pw-7dKq2mZx9"]]],
    [
      "export, quoted",
      `export API_TOKEN="Pw-7dKq2mZx9"`,
      [[10, "Pw-7dKq2mZx9"]],
    ],
    ["YAML, nested", "db:\n  password: Pw-7dKq2mZx9", [[11, "Pw-7dKq2mZx9"]]],
    ["quoted YAML key", `"password": 'Pw-7dKq2mZx9'`, [[10, "Pw-7dKq2mZx9"]]],
    [
      "minified JSON: every member of the line",
      `{"user":"app","password":"Pw-7dKq2mZx9","n":{"apiKey":"Ak-\\u0041x93kdQ"}}`,
      [
        [10, "Pw-7dKq2mZx9"],
        [10, "Ak-Ax93kdQ"],
      ],
    ],
    [
      "JSON with a trailing comma",
      `  "clientSecret": "Cs-83jdKq0",`,
      [[10, "Cs-83jdKq0"]],
    ],
    ["comments", "# PASSWORD=Pw-7dKq2mZx9", []],
    [
      "YAML flow mappings",
      `db: {user: app, password: Pw-7dKq2mZx9, token: "Tk-83jdKq0x"}`,
      [
        [10, "Pw-7dKq2mZx9"],
        [10, "Tk-83jdKq0x"],
      ],
    ],
    [
      "a flow mapping of references",
      "auth: {existingSecret: db, password: ''}",
      [],
    ],
    [
      "a quoted value with a comment",
      `password: "Pw-7dKq2mZx9" # rotated`,
      [[10, "Pw-7dKq2mZx9"]],
    ],
    [
      "a plain value with a comment",
      "token: Tk-83jdKq0x # ci",
      [[10, "Tk-83jdKq0x"]],
    ],
    [
      "JSON non-string values",
      `  "Credential": false,\n  "pwd": 12345678,`,
      [],
    ],
    ["references", "password: $DB_PASSWORD\napiKey: ${API_KEY}", []],
  ])("%s", (_name, text, want) => {
    expect(found(text)).toEqual(want);
  });
});
