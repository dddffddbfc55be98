import type { GateJob } from "./GateJob.js";
import { subjectKey } from "./GateJob.js";
import { JobSlots } from "./JobSlots.js";

/**
 * Why a run was aborted: a newer run of the same commit took its place
 * (a recheck, a base branch change), so only that one publishes.
 */
export class ReplacedError extends Error {
  override name = "ReplacedError";
}

/** Why a run was aborted: a newer head of its PR started. */
export class SupersededError extends Error {
  override name = "SupersededError";

  constructor(readonly newer: string) {
    super(`superseded by ${newer}`);
  }
}

/**
 * What this process is doing now: the newest head SHA per PR (an older
 * run is superseded), SHAs in flight (a second automatic trigger for the
 * same SHA is dropped) and recent delivery ids (redeliveries are dropped).
 * One per process; state across restarts lives in GitHub's check runs.
 */
export class JobRegistry {
  readonly #latest = new Map<string, string>();
  readonly #inflight = new Map<string, AbortController>();
  readonly #deliveries = new Set<string>();
  readonly #commands = new Map<string, number>();

  /** Jobs that may download and check at the same time. */
  readonly slots: JobSlots;

  constructor(
    maxConcurrentJobs = 2,
    readonly maxDeliveries = 5000,
  ) {
    this.slots = new JobSlots(maxConcurrentJobs);
  }

  /** False when this delivery id was seen before (a redelivery). */
  firstDelivery(id: string): boolean {
    if (this.#deliveries.has(id)) return false;
    this.#deliveries.add(id);
    if (this.#deliveries.size > this.maxDeliveries) {
      const oldest = this.#deliveries.values().next().value;
      if (oldest !== undefined) this.#deliveries.delete(oldest);
    }
    return true;
  }

  /**
   * Forgets a delivery that failed before it changed anything, so that
   * GitHub's "Redeliver" can retry it.
   */
  forgetDelivery(id: string): void {
    this.#deliveries.delete(id);
  }

  /**
   * Rate-limits commands per key (a PR): false when the last one allowed
   * was less than `cooldownMs` ago, so a comment flood runs the gate once.
   */
  commandAllowed(key: string, nowMs: number, cooldownMs: number): boolean {
    const last = this.#commands.get(key);
    if (last !== undefined && nowMs - last < cooldownMs) return false;
    this.#commands.set(key, nowMs);
    if (this.#commands.size > this.maxDeliveries) {
      const oldest = this.#commands.keys().next().value;
      if (oldest !== undefined) this.#commands.delete(oldest);
    }
    return true;
  }

  /** True when a run for this repo and SHA is in progress here. */
  inFlight(job: GateJob): boolean {
    return this.#inflight.has(shaKey(job));
  }

  /**
   * Records a job as started and, unless `newest` is false, the newest for
   * its PR, aborting the older run of the PR. A run of the same commit it
   * replaces is aborted either way. Returns the signal that aborts this
   * job.
   */
  start(job: GateJob, newest = true): AbortSignal {
    const controller = new AbortController();
    const subject = subjectKey(job);
    const previous = this.#latest.get(subject);
    if (newest && previous && previous !== job.headSha) {
      this.#inflight
        .get(`${job.owner}/${job.repo}@${previous}`)
        ?.abort(new SupersededError(job.headSha));
    }
    if (newest) this.#latest.set(subject, job.headSha);
    this.#inflight
      .get(shaKey(job))
      ?.abort(new ReplacedError(`replaced by delivery ${job.delivery}`));
    this.#inflight.set(shaKey(job), controller);
    return controller.signal;
  }

  /** The SHA of the same PR in progress here, when it is another one. */
  otherInFlight(job: GateJob): string | undefined {
    const latest = this.#latest.get(subjectKey(job));
    if (latest === undefined || latest === job.headSha) return undefined;
    const key = `${job.owner}/${job.repo}@${latest}`;
    return this.#inflight.has(key) ? latest : undefined;
  }

  /** Marks a job as done (unless a later run of the SHA took its place). */
  finish(job: GateJob, signal: AbortSignal): void {
    if (this.#inflight.get(shaKey(job))?.signal === signal) {
      this.#inflight.delete(shaKey(job));
    }
  }
}

function shaKey(job: GateJob): string {
  return `${job.owner}/${job.repo}@${job.headSha}`;
}
