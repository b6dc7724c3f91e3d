import { setTimeout as sleep } from 'node:timers/promises';

// A backlog (a loaded machine may store slower than the clients send) is waited for as long as
// it shrinks; a store that makes no progress for STALL_MS is judged as it is, and so is one
// still busy after QUIESCE_MS.
const STALL_MS = 30_000;
const QUIESCE_MS = 15 * 60_000;

/** True once `count()` reaches `total`; false once it made no progress for STALL_MS. */
export async function untilAllStored(
  count: () => Promise<number>,
  total: number,
): Promise<boolean> {
  const started = performance.now();
  let stored = -1;
  let progressAt = started;
  for (;;) {
    const now = await count();
    if (now >= total) return true;
    if (now > stored) [stored, progressAt] = [now, performance.now()];
    const at = performance.now();
    if (at - progressAt > STALL_MS || at - started > QUIESCE_MS) return false;
    await sleep(500);
  }
}
