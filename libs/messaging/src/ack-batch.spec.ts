import type { JsMsg } from '@nats-io/jetstream';
import { AckBatch } from './ack-batch';

/** A stand-in for a delivered message that records when it was acked. */
function delivered(acked: string[], name: string): JsMsg {
  return { ack: () => acked.push(name) } as unknown as JsMsg;
}

describe('AckBatch', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('holds acks for the delay, then acks every waiting message together', () => {
    const acked: string[] = [];
    const batch = new AckBatch(10, () => undefined);
    batch.add(delivered(acked, 'a'));
    jest.advanceTimersByTime(6);
    batch.add(delivered(acked, 'b'));
    expect(acked).toEqual([]);
    // The delay runs from the first ack waiting, not the last: none waits longer than 10 ms.
    jest.advanceTimersByTime(4);
    expect(acked).toEqual(['a', 'b']);

    batch.add(delivered(acked, 'c'));
    jest.advanceTimersByTime(10);
    expect(acked).toEqual(['a', 'b', 'c']);
  });

  it('acks what waits at once when flushed, and only once', () => {
    const acked: string[] = [];
    const batch = new AckBatch(10, () => undefined);
    batch.add(delivered(acked, 'a'));
    batch.add(delivered(acked, 'b'));
    batch.flush();
    expect(acked).toEqual(['a', 'b']);
    jest.advanceTimersByTime(20);
    expect(acked).toEqual(['a', 'b']);
  });

  it('acks the others and reports an ack that could not be written', () => {
    const acked: string[] = [];
    const unsent: unknown[] = [];
    const batch = new AckBatch(10, (err) => unsent.push(err));
    const closed = new Error('connection closed');
    batch.add(delivered(acked, 'a'));
    batch.add({
      ack: () => {
        throw closed;
      },
    } as unknown as JsMsg);
    batch.add(delivered(acked, 'c'));
    jest.advanceTimersByTime(10);
    expect(acked).toEqual(['a', 'c']);
    expect(unsent).toEqual([closed]);
  });
});
