import { rm } from "node:fs/promises";
import type { Logger } from "probot";

/**
 * Removes a job's checkout. A run abandoned on abort or deadline may
 * still be unpacking into it, so this waits for that work to settle (at
 * most `graceMs`) and retries a removal that races a last write. Never
 * throws: the check run is already complete, and a leftover directory
 * is only logged.
 */
export async function removeCheckout(
  root: string,
  work: Promise<unknown>,
  log: Logger,
  graceMs = 5000,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, graceMs);
  });
  await Promise.race([work.then(settled, settled), grace]);
  clearTimeout(timer);
  try {
    await rm(root, { recursive: true, force: true, maxRetries: 5 });
  } catch (err) {
    log.warn({ err, root }, "could not remove the checkout");
  }
}

function settled(): void {
  // The work's own outcome was handled by the job; only its end matters.
}
