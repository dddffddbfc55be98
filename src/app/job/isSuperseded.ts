import type { GitHub } from "../github/GitHub.js";
import type { GateJob } from "./GateJob.js";
import type { JobRegistry } from "./JobRegistry.js";

/**
 * The newer head SHA of the job's PR, if one exists: first from this
 * process, then from GitHub (another replica may have seen the push).
 * Merge groups have no newer head.
 */
export async function isSuperseded(
  github: GitHub,
  job: GateJob,
  registry: JobRegistry,
): Promise<string | undefined> {
  if (!job.pr) return undefined;
  const local = registry.superseded(job);
  if (local) return local;
  const { data } = await github.rest.pulls.get({
    owner: job.owner,
    repo: job.repo,
    pull_number: job.pr.number,
  });
  return data.head.sha === job.headSha ? undefined : data.head.sha;
}
