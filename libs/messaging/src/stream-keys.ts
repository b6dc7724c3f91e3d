import type { JetStreamManager, MsgRequest } from '@nats-io/jetstream';

/** Where {@link readStreamKeys} reads, and how a message's ordering key is found. */
export interface StreamKeysSource {
  jsm: JetStreamManager;
  stream: string;
  /** The durable's (namespaced) filter subject: only its messages are read. */
  filterSubject: string;
  keyOf: (body: unknown) => string | undefined;
}

/**
 * The ordering keys of the durable's messages with stream sequence in (after, upTo]: the ones
 * another instance may hold unacked. One stream read per message of the filter (the server
 * skips the rest), so only gaps in what this instance was delivered are read.
 */
export async function readStreamKeys(
  source: StreamKeysSource,
  range: { after: number; upTo: number },
): Promise<{ seq: number; key: string }[]> {
  const keys: { seq: number; key: string }[] = [];
  let seq = range.after + 1;
  while (seq <= range.upTo) {
    // `next_by_subj` (nats-server 2.9+) is missing from the client's type of this request.
    const request = { seq, next_by_subj: source.filterSubject } as unknown as MsgRequest;
    const stored = await source.jsm.streams.getMessage(source.stream, request);
    if (!stored || stored.seq > range.upTo) break;
    const key = keyOfBody(source, stored.string());
    if (key !== undefined) keys.push({ seq: stored.seq, key });
    seq = stored.seq + 1;
  }
  return keys;
}

// An unreadable body has no key: the consumer terminates it, so nothing waits for it.
function keyOfBody(source: StreamKeysSource, body: string): string | undefined {
  try {
    return source.keyOf(JSON.parse(body));
  } catch {
    return undefined;
  }
}
