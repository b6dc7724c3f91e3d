import type { MessageView } from './types';
import { mergeBySeq } from './transcript';

const message = (seq: number, content = `m${seq}`) =>
  ({ id: `id-${seq}`, conversationId: 'c', seq, content }) as MessageView;

describe('mergeBySeq', () => {
  it('puts pushed messages in seq order whatever order they came in', () => {
    const merged = mergeBySeq([message(1)], [message(3), message(2)]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('keeps each seq once, the held copy winning, also within one batch', () => {
    const merged = mergeBySeq([message(1, 'held')], [message(1, 'again'), message(2), message(2)]);
    expect(merged.map((m) => [m.seq, m.content])).toEqual([
      [1, 'held'],
      [2, 'm2'],
    ]);
  });

  it('returns the held transcript itself when nothing is new', () => {
    const held = [message(1), message(2)];
    expect(mergeBySeq(held, [message(2)])).toBe(held);
  });
});
