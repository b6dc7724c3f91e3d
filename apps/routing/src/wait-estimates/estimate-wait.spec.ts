import { estimateWaitSeconds } from './estimate-wait';

describe('estimateWaitSeconds', () => {
  it('is the position times the median handling time, shared over the online slots', () => {
    expect(estimateWaitSeconds(1, { medianHandleSeconds: 600, onlineSlots: 3 })).toBe(200);
    expect(estimateWaitSeconds(3, { medianHandleSeconds: 600, onlineSlots: 3 })).toBe(600);
    expect(estimateWaitSeconds(6, { medianHandleSeconds: 300, onlineSlots: 2 })).toBe(900);
  });

  it('grows with the position and shrinks with more agents online', () => {
    const at = (position: number, onlineSlots: number) =>
      estimateWaitSeconds(position, { medianHandleSeconds: 420, onlineSlots });
    expect(at(2, 3)).toBeGreaterThan(at(1, 3) as number);
    expect(at(2, 6)).toBeLessThan(at(2, 3) as number);
  });

  it('rounds to whole seconds and never says zero', () => {
    expect(estimateWaitSeconds(1, { medianHandleSeconds: 100, onlineSlots: 3 })).toBe(33);
    expect(estimateWaitSeconds(1, { medianHandleSeconds: 0, onlineSlots: 3 })).toBe(1);
  });

  it('is null without recent history', () => {
    expect(estimateWaitSeconds(1, { medianHandleSeconds: null, onlineSlots: 3 })).toBeNull();
  });

  it('is null when nobody who serves the queue is online', () => {
    expect(estimateWaitSeconds(1, { medianHandleSeconds: 600, onlineSlots: 0 })).toBeNull();
  });
});
