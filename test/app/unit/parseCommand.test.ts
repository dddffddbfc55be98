import { describe, expect, it } from "vitest";
import {
  parseCommand,
  type Command,
} from "../../../src/app/commands/parseCommand.js";

const cases: [string, Command | undefined][] = [
  ["/gitops recheck", { name: "recheck" }],
  ["  /gitops   recheck  ", { name: "recheck" }],
  ["thanks!\r\n/gitops recheck\r\n", { name: "recheck" }],
  ["/gitops", { name: "help" }],
  ["/gitops help", { name: "help" }],
  ["/gitops explain GG-IMG-001", { name: "explain", ruleId: "GG-IMG-001" }],
  [
    "/gitops explain schema/unknown-field",
    { name: "explain", ruleId: "schema/unknown-field" },
  ],
  ["/gitops explain", { name: "unknown", text: "explain" }],
  ["/gitops explain a b", { name: "unknown", text: "explain a b" }],
  [
    "/gitops explain <img src=x>",
    { name: "unknown", text: "explain <img src=x>" },
  ],
  ["/gitops recheck now", { name: "unknown", text: "recheck now" }],
  ["/gitops deploy", { name: "unknown", text: "deploy" }],
  ["/gitopsrecheck", undefined],
  ["please run /gitops recheck", undefined],
  ["> /gitops recheck", undefined],
  ["  >/gitops recheck", undefined],
  ["> see below\n/gitops recheck", undefined],
  ["> quoted\n\n/gitops recheck", { name: "recheck" }],
  ["```\n/gitops recheck\n```", undefined],
  ["~~~sh\n/gitops recheck\n~~~\n", undefined],
  ["````\n```\n/gitops recheck\n````", undefined],
  ["```\n/gitops help\n```\n/gitops recheck", { name: "recheck" }],
  ["```\nnever closed\n/gitops recheck", undefined],
  ["text\n\n    /gitops recheck", undefined],
  ["\t/gitops recheck", undefined],
  ["", undefined],
];

describe("parseCommand", () => {
  it.each(cases)("%j", (body, expected) => {
    expect(parseCommand(body)).toEqual(expected);
  });

  it("caps the echoed text of an unknown command", () => {
    const parsed = parseCommand(`/gitops ${"x".repeat(500)}`);
    expect(parsed).toEqual({ name: "unknown", text: "x".repeat(80) });
  });
});
