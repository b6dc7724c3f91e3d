/** What to do with a `message.created` of a conversation on screen. */
export type SeqVerdict = 'show' | 'duplicate' | 'gap';

/**
 * The highest `seq` held per conversation on screen (docs/agent-socket.md, "Resume"): a message
 * is shown only in order; an older one is a duplicate, a later one reveals a gap to resume.
 */
export class SeqTracker {
  private readonly lastSeq = new Map<string, number>();

  /** Starts (or keeps) following a conversation from the highest seq already held. */
  follow(conversationId: string, lastSeq: number): void {
    this.lastSeq.set(conversationId, Math.max(lastSeq, this.lastSeq.get(conversationId) ?? 0));
  }

  unfollow(conversationId: string): void {
    this.lastSeq.delete(conversationId);
  }

  isFollowing(conversationId: string): boolean {
    return this.lastSeq.has(conversationId);
  }

  lastOf(conversationId: string): number {
    return this.lastSeq.get(conversationId) ?? 0;
  }

  judge(conversationId: string, seq: number): SeqVerdict {
    const last = this.lastOf(conversationId);
    if (seq <= last) return 'duplicate';
    if (seq > last + 1) return 'gap';
    this.lastSeq.set(conversationId, seq);
    return 'show';
  }

  /** The `resume` payload: every followed conversation with its last seq (at most 100). */
  resumePayload(): Record<string, number> {
    return Object.fromEntries([...this.lastSeq].slice(-100));
  }
}
