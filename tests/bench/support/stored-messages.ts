import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from 'pg';

/** Resolves once conversation has stored `count` messages of the inbox (polled every 20 ms). */
export async function untilStored(db: Client, inboxId: string, count: number): Promise<void> {
  for (;;) {
    const { rows } = await db.query<{ n: string }>(
      'SELECT count(*) AS n FROM conversation.messages WHERE inbox_id = $1',
      [inboxId],
    );
    if (Number(rows[0].n) >= count) return;
    await sleep(20);
  }
}
