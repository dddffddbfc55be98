import type { ApplicationFunction } from "probot";
import { onCheckRun } from "./handlers/onCheckRun.js";
import { onCheckSuite } from "./handlers/onCheckSuite.js";
import { onIssueComment } from "./handlers/onIssueComment.js";
import { onMergeGroup } from "./handlers/onMergeGroup.js";
import {
  onPullRequest,
  PULL_REQUEST_EVENTS,
} from "./handlers/onPullRequest.js";
import type { AppDeps } from "./job/AppDeps.js";
import { healthHandler } from "./ops/healthHandler.js";

/**
 * The Probot app: registers one handler per event and the health and
 * metrics routes. Holds no logic; `deps` are the gate, clock, limits and
 * metrics, so tests run it against a GitHub double and any gate.
 */
export function createApp(deps: AppDeps): ApplicationFunction {
  return (app, options) => {
    options.addHandler(healthHandler(deps.metrics.registry));
    app.on([...PULL_REQUEST_EVENTS], (c) => onPullRequest(c, deps));
    app.on(["check_suite.requested", "check_suite.rerequested"], (c) =>
      onCheckSuite(c, deps),
    );
    app.on(["check_run.rerequested", "check_run.requested_action"], (c) =>
      onCheckRun(c, deps),
    );
    app.on("issue_comment.created", (c) => onIssueComment(c, deps));
    app.on("merge_group.checks_requested", (c) => onMergeGroup(c, deps));
  };
}
