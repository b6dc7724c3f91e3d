import type { ImapMailboxView } from '@hub/contracts';
import { ImapFlow } from 'imapflow';
import type { MailboxPosition } from './imap-cursors';

/** The most messages one pass reads from a mailbox; the next pass goes on from there. */
export const MESSAGES_PER_PASS = 200;
const CONNECT_TIMEOUT_MS = 15_000;
const SOCKET_TIMEOUT_MS = 60_000;

export interface MailboxLogin extends ImapMailboxView {
  password: string;
}

/**
 * Reads the messages of a mailbox after `from`, oldest first, handing each one's bytes to
 * `take` and reporting the position after it once `take` has resolved; stops at the first
 * `take` that throws. The mailbox is opened read-only (EXAMINE): polling changes nothing there,
 * not even the \Seen flag. Resolves to the position where the next pass starts.
 */
export async function readNewMail(
  login: MailboxLogin,
  from: MailboxPosition | null,
  take: (raw: Buffer, after: MailboxPosition) => Promise<void>,
): Promise<MailboxPosition> {
  const client = new ImapFlow({
    host: login.host,
    port: login.port,
    secure: login.secure,
    auth: { user: login.user, pass: login.password },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: CONNECT_TIMEOUT_MS,
    socketTimeout: SOCKET_TIMEOUT_MS,
  });
  // A dropped connection is also reported as an event; the awaited command fails with it.
  client.on('error', () => undefined);
  await client.connect();
  try {
    const lock = await client.getMailboxLock(login.mailbox, { readOnly: true });
    try {
      const uidValidity = Number(client.mailbox ? client.mailbox.uidValidity : 0);
      // UIDs of another UIDVALIDITY name other messages: read the mailbox again from the start.
      const start = from?.uidValidity === uidValidity ? from.lastUid + 1 : 1;
      let position: MailboxPosition = { uidValidity, lastUid: start - 1 };
      // `n:*` also matches the highest UID when it is below n, hence the filter.
      const found = (await client.search({ uid: `${start}:*` }, { uid: true })) || [];
      const uids = found
        .filter((uid) => uid >= start)
        .sort((a, b) => a - b)
        .slice(0, MESSAGES_PER_PASS);
      for (const uid of uids) {
        const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
        position = { uidValidity, lastUid: uid };
        // Expunged between the search and the fetch: nothing to read, move past it.
        if (message && message.source) await take(message.source, position);
      }
      return position;
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
}
