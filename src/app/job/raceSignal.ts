/**
 * Settles with `work`, or rejects with the signal's reason as soon as it
 * aborts: a step that ignores the signal (a hung render) cannot hold a
 * job past its deadline or keep a superseded run open. The abandoned
 * work's own outcome is still observed, so its failure (its temp dir is
 * gone) is not an unhandled rejection.
 */
export function raceSignal<T>(
  work: Promise<T>,
  signal: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => {
      signal.removeEventListener("abort", onAbort);
    });
  });
}
