export interface WaitForReadyOptions {
  timeoutMs: number;
  intervalMs?: number;
  /** Stop waiting early (e.g. the launcher is shutting down). */
  cancelled?: () => boolean;
}

/** Polls `url` until it answers 2xx; false on timeout or cancel. */
export async function waitForReady(url: string, opts: WaitForReadyOptions): Promise<boolean> {
  const deadline = Date.now() + opts.timeoutMs;
  for (;;) {
    if (opts.cancelled?.()) return false;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      if (response.ok) return true;
    } catch {
      // Not listening yet, or too slow to answer: try again until the deadline.
    }
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, opts.intervalMs ?? 250));
  }
}
