import { createRequire } from "node:module";
import type { ExamplePr } from "./examples.js";

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;
const examples =
  require("@octokit/webhooks-examples/api.github.com/index.json") as {
    name: string;
    examples: Json[];
  }[];

/**
 * A payload from `@octokit/webhooks-examples` (the first of that event and
 * action), deep-copied, with an installation added: the examples mostly
 * lack one, and the app authenticates as the installation.
 */
export function examplePayload(event: string, action: string): Json {
  const found = examples
    .find((e) => e.name === event)
    ?.examples.find((p) => p.action === action);
  if (!found) throw new Error(`no example ${event}.${action}`);
  const payload = structuredClone(found);
  payload.installation = {
    id: 42,
    node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNDI=",
  };
  return payload;
}

/** A `pull_request` payload pointing at a PR of the double. */
export function pullRequestPayload(
  action: string,
  pr: ExamplePr,
  number: number,
): Json {
  const payload = examplePayload(
    "pull_request",
    action === "edited" ? "opened" : action,
  );
  payload.action = action;
  payload.number = number;
  Object.assign(payload.pull_request, {
    number,
    draft: false,
    changed_files: 0,
  });
  payload.pull_request.head.sha = pr.head;
  payload.pull_request.base.sha = pr.base;
  return payload;
}

/** An `issue_comment.created` payload on PR `number` by `login`. */
export function commentPayload(
  body: string,
  login: string,
  number: number,
  commentId = 777,
): Json {
  const payload = examplePayload("issue_comment", "created");
  payload.issue.number = number;
  payload.issue.pull_request = {
    url: `https://api.github.com/repos/Codertocat/Hello-World/pulls/${number}`,
  };
  Object.assign(payload.comment, { body, id: commentId });
  Object.assign(payload.comment.user, { login, type: "User" });
  Object.assign(payload.sender, { login, type: "User" });
  return payload;
}
