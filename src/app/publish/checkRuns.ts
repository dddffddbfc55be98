import type { GitHub, RepoRef } from "../github/GitHub.js";
import type { Annotation } from "./toAnnotations.js";
import { ANNOTATIONS_PER_REQUEST } from "./limits.js";

/** The check run name branch protection requires. */
export const CHECK_NAME = "GitOps Gate";

/** A completed check run's content. */
export interface CheckResult {
  conclusion: "success" | "failure" | "neutral" | "cancelled";
  title: string;
  summary: string;
  text?: string;
  annotations: Annotation[];
}

/** The "Re-run" button offered on every completed run. */
export const RECHECK_ACTION = {
  label: "Re-run",
  description: "Run GitOps Gate again",
  identifier: "recheck",
};

/** The created run: its id, and the app that owns it (for its login). */
export interface StartedRun {
  id: number;
  app?: { slug?: string } | null;
}

/** Creates the check run at once, `in_progress`. */
export async function startCheckRun(
  github: GitHub,
  repo: RepoRef,
  headSha: string,
  externalId: string,
  now: () => Date,
): Promise<StartedRun> {
  const { data } = await github.rest.checks.create({
    ...repo,
    name: CHECK_NAME,
    head_sha: headSha,
    status: "in_progress",
    started_at: now().toISOString(),
    external_id: externalId,
    output: { title: "Checking…", summary: "GitOps Gate is running." },
  });
  return { id: data.id, app: data.app };
}

/**
 * Completes a check run. The API takes 50 annotations per request and adds
 * them up over updates, so all but the last batch go out while the run is
 * still in progress and the last one completes it.
 */
export async function completeCheckRun(
  github: GitHub,
  repo: RepoRef,
  checkRunId: number,
  result: CheckResult,
  now: () => Date,
): Promise<void> {
  const batches = chunk(result.annotations, ANNOTATIONS_PER_REQUEST);
  const output = (annotations: Annotation[]) => ({
    title: result.title,
    summary: result.summary,
    ...(result.text ? { text: result.text } : {}),
    ...(annotations.length > 0 ? { annotations } : {}),
  });
  for (const batch of batches.slice(0, -1)) {
    await github.rest.checks.update({
      ...repo,
      check_run_id: checkRunId,
      output: output(batch),
    });
  }
  await github.rest.checks.update({
    ...repo,
    check_run_id: checkRunId,
    status: "completed",
    conclusion: result.conclusion,
    completed_at: now().toISOString(),
    output: output(batches.at(-1) ?? []),
    actions: [RECHECK_ACTION],
  });
}

function chunk<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
