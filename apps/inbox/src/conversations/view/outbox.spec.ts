import { Outbox } from './outbox';

describe('outbox of pending replies', () => {
  const reply = {
    clientMessageId: 'c1',
    conversationId: 'k1',
    content: 'hi',
    kind: 'text' as const,
  };

  it('shows a reply as sending until the hub stores it', () => {
    const outbox = new Outbox();
    outbox.add(reply);
    expect(outbox.of('k1')).toEqual([expect.objectContaining({ state: 'sending' })]);
    outbox.stored({ clientMessageId: 'c1' });
    expect(outbox.of('k1')).toEqual([]);
  });

  it('keeps a refused reply with its id for a retry that cannot store it twice', () => {
    const outbox = new Outbox();
    outbox.add(reply);
    outbox.failed('c1', 'RATE_LIMITED');
    expect(outbox.of('k1')[0]).toEqual(
      expect.objectContaining({ state: 'failed', error: 'RATE_LIMITED' }),
    );
    expect(outbox.retrying('c1')).toEqual(
      expect.objectContaining({ clientMessageId: 'c1', state: 'sending', error: undefined }),
    );
  });

  it('tells its subscribers of every change and ignores messages of others', () => {
    const outbox = new Outbox();
    const changes: number[] = [];
    outbox.subscribe(() => changes.push(outbox.snapshot().length));
    outbox.add(reply);
    outbox.stored({ clientMessageId: 'someone-else' });
    outbox.stored({});
    expect(changes).toEqual([1]);
  });
});
