import type { ProbotOctokit } from "probot";

/** The installation-authenticated REST client of one delivery. */
export type GitHub = InstanceType<typeof ProbotOctokit>;

/** The repository a job works on. */
export interface RepoRef {
  owner: string;
  repo: string;
}
