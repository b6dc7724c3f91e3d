import { Injectable } from '@nestjs/common';
import { Database } from '@hub/service-kit';
import type { QueryRunner } from 'typeorm';
import { ImapCursor } from './imap-cursor.entity';

/** Where reading a mailbox resumes: after `lastUid`, if the server's UIDVALIDITY is unchanged. */
export interface MailboxPosition {
  uidValidity: number;
  lastUid: number;
}

/**
 * The read cursors of the polled mailboxes, and the lock that lets one replica at a time poll a
 * mailbox (a session-level advisory lock on a connection of its own, held for one pass).
 */
@Injectable()
export class ImapCursors {
  constructor(private readonly database: Database) {}

  /**
   * Runs `work` holding the mailbox's lock; resolves to false at once when another replica
   * holds it (that replica is polling the mailbox right now).
   */
  async whileLocked(inboxId: string, work: () => Promise<void>): Promise<boolean> {
    const runner: QueryRunner = this.database.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = (await runner.query(
        `select pg_try_advisory_lock(hashtextextended('imap:' || $1, 0)) as locked`,
        [inboxId],
      )) as [{ locked: boolean }];
      if (!locked) return false;
      try {
        await work();
      } finally {
        await runner.query(`select pg_advisory_unlock(hashtextextended('imap:' || $1, 0))`, [
          inboxId,
        ]);
      }
      return true;
    } finally {
      await runner.release();
    }
  }

  async position(inboxId: string): Promise<MailboxPosition | null> {
    const cursor = await this.database.dataSource.manager.findOneBy(ImapCursor, { inboxId });
    return cursor ? { uidValidity: cursor.uidValidity, lastUid: cursor.lastUid } : null;
  }

  /** Records that everything up to `lastUid` is durable. */
  async advance(workspaceId: string, inboxId: string, position: MailboxPosition): Promise<void> {
    await this.database.dataSource.query(
      `insert into email.imap_cursors (inbox_id, workspace_id, uid_validity, last_uid)
       values ($1, $2, $3, $4)
       on conflict (inbox_id) do update
          set uid_validity = excluded.uid_validity, last_uid = excluded.last_uid,
              updated_at = now()`,
      [inboxId, workspaceId, position.uidValidity, position.lastUid],
    );
  }
}
