/** A message of one ordering key, waiting here for its turn. */
export interface KeyedTask {
  /** The message's stream sequence: a key's messages run in this order. */
  seq: number;
  key: string;
  /** Handles the message; resolves true once it is settled (acked or terminated). */
  run: () => Promise<boolean>;
}

type Held = KeyedTask & { done: () => void };

/**
 * Runs each key's messages one at a time in stream order, also across crashes and replicas:
 * a message waits while an earlier message of its key is unsettled somewhere else (pulled by
 * an instance that died, being handled by another replica, or given back for a retry). Those
 * are "awaited" until the consumer's ack floor passes them or they are delivered here.
 */
export class KeyOrder {
  private floor = 0;
  // Earlier messages not held here and not known to be settled: seq → key, and per key.
  private readonly awaitedKey = new Map<number, string>();
  private readonly awaitedOf = new Map<string, Set<number>>();
  // Each key's messages held here, lowest stream sequence first.
  private readonly queues = new Map<string, Held[]>();
  private readonly running = new Set<string>();

  /** Messages held here but not running (for the ack-wait heartbeat and the slot count). */
  get waiting(): number {
    let count = 0;
    for (const queue of this.queues.values()) count += queue.length;
    return count;
  }

  /** True while a held message waits for an earlier one of its key held elsewhere. */
  get blocked(): boolean {
    for (const [key, queue] of this.queues) {
      if (!this.running.has(key) && queue.length > 0 && this.waitsElsewhere(queue[0])) return true;
    }
    return false;
  }

  get awaitedCount(): number {
    return this.awaitedKey.size;
  }

  /** Everything up to `floor` is settled: what was awaited there no longer holds anyone up. */
  raiseFloor(floor: number): void {
    if (floor <= this.floor) return;
    this.floor = floor;
    for (const [seq, key] of this.awaitedKey) if (seq <= floor) this.forget(seq, key);
    for (const key of [...this.queues.keys()]) this.pump(key);
  }

  /**
   * Nothing is unsettled anywhere but here: what was awaited no longer holds anyone up, even
   * where the ack floor has not passed it yet.
   */
  settleAwaited(): void {
    this.awaitedKey.clear();
    this.awaitedOf.clear();
    for (const key of [...this.queues.keys()]) this.pump(key);
  }

  /** `seq` of `key` is unsettled and not here (pulled elsewhere, or given back for a retry). */
  await(seq: number, key: string): void {
    if (seq <= this.floor) return;
    this.awaitedKey.set(seq, key);
    const seqs = this.awaitedOf.get(key) ?? new Set<number>();
    seqs.add(seq);
    this.awaitedOf.set(key, seqs);
  }

  /**
   * Holds `task` until it is its key's turn and runs it. Resolves once it has run, or once
   * {@link takeWaiting} took it away unrun.
   */
  add(task: KeyedTask): Promise<void> {
    const key = this.awaitedKey.get(task.seq);
    if (key !== undefined) this.forget(task.seq, key);
    return new Promise<void>((done) => {
      const queue = this.queues.get(task.key) ?? [];
      const at = queue.findIndex((queued) => queued.seq > task.seq);
      queue.splice(at === -1 ? queue.length : at, 0, { ...task, done });
      this.queues.set(task.key, queue);
      this.pump(task.key);
    });
  }

  /** Removes and returns every held message that has not started (on stop: given back). */
  takeWaiting(): KeyedTask[] {
    const taken: Held[] = [];
    for (const [key, queue] of this.queues) {
      taken.push(...queue.splice(0));
      if (!this.running.has(key)) this.queues.delete(key);
    }
    for (const task of taken) task.done();
    return taken;
  }

  private pump(key: string): void {
    const queue = this.queues.get(key);
    if (this.running.has(key) || !queue || queue.length === 0) return;
    const head = queue[0];
    if (this.waitsElsewhere(head)) return;
    queue.shift();
    this.running.add(key);
    void head.run().then(
      (settled) => this.finished(head, settled),
      () => this.finished(head, false),
    );
  }

  private finished(task: Held, settled: boolean): void {
    task.done();
    this.running.delete(task.key);
    // Given back: it comes back later, and the key's later messages must wait for it.
    if (!settled) this.await(task.seq, task.key);
    if (this.queues.get(task.key)?.length === 0) this.queues.delete(task.key);
    else this.pump(task.key);
  }

  private waitsElsewhere(task: KeyedTask): boolean {
    const seqs = this.awaitedOf.get(task.key);
    if (!seqs) return false;
    for (const seq of seqs) if (seq < task.seq) return true;
    return false;
  }

  private forget(seq: number, key: string): void {
    this.awaitedKey.delete(seq);
    const seqs = this.awaitedOf.get(key);
    seqs?.delete(seq);
    if (seqs?.size === 0) this.awaitedOf.delete(key);
  }
}
