import { TypingSignals } from './typing-signals';

function signals(previewDrafts = true, hasConversation = true) {
  const frames: Array<Record<string, unknown>> = [];
  let now = 0;
  const typing = new TypingSignals({
    send: (frame) => frames.push(frame),
    hasConversation: () => hasConversation,
    previewDrafts: () => previewDrafts,
    now: () => now,
  });
  return { typing, frames, advance: (ms: number) => ((now += ms), jest.advanceTimersByTime(ms)) };
}

describe('TypingSignals', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('says typing at most every 3 s while the visitor types, and stops on send', () => {
    const { typing, frames, advance } = signals(false);
    typing.changed('h');
    advance(1_000);
    typing.changed('he');
    advance(2_000);
    typing.changed('hel');
    typing.sent();
    expect(frames).toEqual([
      { type: 'typing', isTyping: true },
      { type: 'typing', isTyping: true },
      { type: 'typing', isTyping: false },
    ]);
  });

  it('stops typing when the field is cleared or the visitor pauses', () => {
    const { typing, frames, advance } = signals(false);
    typing.changed('a');
    typing.changed('');
    typing.changed('b');
    advance(6_000);
    expect(frames.map((f) => f.isTyping)).toEqual([true, false, true, false]);
  });

  it('sends the draft debounced, with card numbers masked, only when typing preview is on', () => {
    const { typing, frames, advance } = signals(true);
    typing.changed('card 4111 1111');
    advance(50);
    typing.changed('card 4111 1111 1111 1111');
    advance(100);
    expect(frames.filter((f) => f.type === 'draft')).toEqual([
      { type: 'draft', text: 'card **** **** **** 1111' },
    ]);

    const off = signals(false);
    off.typing.changed('secret');
    off.advance(200);
    expect(off.frames.filter((f) => f.type === 'draft')).toEqual([]);
  });

  it('says nothing before the visitor has a conversation (the hub would refuse it)', () => {
    const { typing, frames, advance } = signals(true, false);
    typing.changed('first words');
    advance(200);
    typing.sent();
    expect(frames).toEqual([]);
  });
});
