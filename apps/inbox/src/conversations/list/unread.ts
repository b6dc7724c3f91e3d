/**
 * How far this agent has read each conversation (the highest seq seen), kept per agent in this
 * browser, so the list can show how many messages arrived since. Counts are per browser: the
 * hub does not store read positions.
 */
export class ReadPositions {
  private readonly positions: Record<string, number>;

  constructor(
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'>,
    private readonly key: string,
  ) {
    this.positions = parse(storage.getItem(key));
  }

  unread(conversationId: string, lastSeq: number): number {
    return Math.max(0, lastSeq - (this.positions[conversationId] ?? 0));
  }

  markRead(conversationId: string, seq: number): boolean {
    if ((this.positions[conversationId] ?? 0) >= seq) return false;
    this.positions[conversationId] = seq;
    this.storage.setItem(this.key, JSON.stringify(this.positions));
    return true;
  }
}

function parse(text: string | null): Record<string, number> {
  try {
    const value: unknown = JSON.parse(text ?? '{}');
    return typeof value === 'object' && value !== null ? (value as Record<string, number>) : {};
  } catch {
    return {}; // a damaged entry only loses read positions
  }
}
