import { KeyOrder } from './key-order';

/** A task that records when it starts and settles as the test says. */
function recorder() {
  const started: number[] = [];
  const finish = new Map<number, (settled: boolean) => void>();
  const task = (seq: number, key: string) => ({
    seq,
    key,
    run: () =>
      new Promise<boolean>((resolve) => {
        started.push(seq);
        finish.set(seq, resolve);
      }),
  });
  const settle = async (seq: number, settled = true) => {
    finish.get(seq)!(settled);
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { started, task, settle };
}

describe('KeyOrder', () => {
  it('runs one key at a time in stream order and other keys alongside', async () => {
    const order = new KeyOrder();
    const { started, task, settle } = recorder();
    void order.add(task(3, 'a'));
    void order.add(task(1, 'a'));
    void order.add(task(2, 'b'));
    expect(started).toEqual([3, 2]);
    await settle(3);
    expect(started).toEqual([3, 2, 1]);
  });

  it('puts a late arrival before the later messages of its key still held', async () => {
    const order = new KeyOrder();
    const { started, task, settle } = recorder();
    void order.add(task(5, 'a'));
    void order.add(task(9, 'a'));
    void order.add(task(7, 'a'));
    await settle(5);
    expect(started).toEqual([5, 7]);
  });

  it('holds a key while an earlier message of it is awaited elsewhere, until it arrives', async () => {
    const order = new KeyOrder();
    const { started, task, settle } = recorder();
    order.await(4, 'a');
    order.await(6, 'b');
    void order.add(task(10, 'a'));
    void order.add(task(11, 'c'));
    expect(started).toEqual([11]);
    expect(order.blocked).toBe(true);
    void order.add(task(4, 'a'));
    expect(started).toEqual([11, 4]);
    await settle(4);
    expect(started).toEqual([11, 4, 10]);
    expect(order.blocked).toBe(false);
  });

  it('releases a held key once the ack floor passes what it awaited', () => {
    const order = new KeyOrder();
    const { started, task } = recorder();
    order.await(4, 'a');
    void order.add(task(10, 'a'));
    order.raiseFloor(3);
    expect(started).toEqual([]);
    order.raiseFloor(4);
    expect(started).toEqual([10]);
    expect(order.awaitedCount).toBe(0);
  });

  it('releases every held key when told nothing is unsettled elsewhere, below the floor or not', () => {
    const order = new KeyOrder();
    const { started, task } = recorder();
    order.raiseFloor(2);
    order.await(4, 'a');
    order.await(6, 'b');
    void order.add(task(10, 'a'));
    void order.add(task(11, 'b'));
    expect(started).toEqual([]);
    order.settleAwaited();
    expect(started).toEqual([10, 11]);
    expect(order.awaitedCount).toBe(0);
  });

  it('makes a key wait for its message given back for a retry', async () => {
    const order = new KeyOrder();
    const { started, task, settle } = recorder();
    void order.add(task(1, 'a'));
    void order.add(task(2, 'a'));
    await settle(1, false);
    expect(started).toEqual([1]);
    void order.add(task(1, 'a'));
    expect(started).toEqual([1, 1]);
    await settle(1);
    expect(started).toEqual([1, 1, 2]);
  });

  it('hands back what has not started, resolving its promise', async () => {
    const order = new KeyOrder();
    const { task } = recorder();
    void order.add(task(1, 'a'));
    const waiting = order.add(task(2, 'a'));
    expect(order.waiting).toBe(1);
    expect(order.takeWaiting().map((t) => t.seq)).toEqual([2]);
    await expect(waiting).resolves.toBeUndefined();
    expect(order.waiting).toBe(0);
  });
});
