/** A `/gitops` command from a PR comment. */
export type Command =
  | { name: "recheck" }
  | { name: "help" }
  | { name: "explain"; ruleId: string }
  | { name: "unknown"; text: string };

import { proseLines } from "./proseLines.js";

const LINE = /^\/gitops(?:\s+(.*))?$/;
const RULE_ID = /^[A-Za-z0-9][A-Za-z0-9_./-]{0,63}$/;

/**
 * Finds the first line of a comment that starts with `/gitops`, outside
 * code blocks and quotes (see {@link proseLines}), and reads the command; `undefined` when there is none. Pure.
 * @example parseCommand("/gitops explain GG-IMG-001") // explain GG-IMG-001
 */
export function parseCommand(body: string): Command | undefined {
  const line = proseLines(body).find((l) => LINE.test(l));
  if (line === undefined) return undefined;
  const words = (LINE.exec(line)?.[1] ?? "").split(/\s+/).filter(Boolean);
  const [verb, arg, ...rest] = words;
  if (verb === undefined || verb === "help") return { name: "help" };
  if (verb === "recheck" && arg === undefined) return { name: "recheck" };
  if (verb === "explain" && arg && rest.length === 0 && RULE_ID.test(arg)) {
    return { name: "explain", ruleId: arg };
  }
  return { name: "unknown", text: words.join(" ").slice(0, 80) };
}
