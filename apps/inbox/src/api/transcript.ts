import type { MessageView } from './types';

/**
 * `held` and `incoming` as one transcript in seq order, each seq once (the held copy wins): a
 * pushed message and a read transcript may carry the same messages, and pushes may cross.
 * Returns `held` itself when `incoming` adds nothing, so nothing re-renders.
 */
export function mergeBySeq(held: MessageView[], incoming: readonly MessageView[]): MessageView[] {
  const seqs = new Set(held.map((message) => message.seq));
  const added = incoming.filter((message) => !seqs.has(message.seq) && seqs.add(message.seq));
  if (added.length === 0) return held;
  return [...held, ...added].sort((a, b) => a.seq - b.seq);
}
