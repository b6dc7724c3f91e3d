import { currentCorrelationId, withCorrelationId } from '@hub/observability';

/** An item waiting for its batch, with the correlation id of the handler that added it. */
export interface Queued<Item> {
  item: Item;
  /** Its handler's: its events and log lines carry it, not the batch's first item's. */
  correlationId?: string;
}

/**
 * Writes a batch and answers each item's outcome, by index: a promise, so an item can settle
 * after the commit (once published) while the next batch is already being written.
 */
export type WriteBatch<Item, Outcome> = (batch: Queued<Item>[]) => Promise<Promise<Outcome>[]>;

interface Waiting<Item, Outcome> extends Queued<Item> {
  settle: (outcome: Promise<Outcome>) => void;
}

/**
 * Group commit: the first item waiting is written at once; the items added while that batch
 * is written wait for its commit and go together in the next one (up to `maxBatch`). One batch
 * at a time, so batches commit in the order their items were added.
 */
export class GroupCommit<Item, Outcome> {
  private readonly waiting: Waiting<Item, Outcome>[] = [];
  private writing = false;

  constructor(
    private readonly write: WriteBatch<Item, Outcome>,
    private readonly maxBatch: number,
  ) {}

  add(item: Item): Promise<Outcome> {
    return new Promise((resolve, reject) => {
      this.waiting.push({
        item,
        correlationId: currentCorrelationId(),
        settle: (outcome) => void outcome.then(resolve, reject),
      });
      // The writer outlives this handler's turn: it runs under a correlation id of its own.
      if (!this.writing) withCorrelationId(undefined, () => void this.writeWaiting());
    });
  }

  private async writeWaiting(): Promise<void> {
    this.writing = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, this.maxBatch);
        // A write answers failures as outcomes; should it throw anyway, no handler waits forever.
        const outcomes = await this.write(batch).catch((error: unknown) =>
          batch.map(() =>
            Promise.reject<Outcome>(error instanceof Error ? error : new Error(String(error))),
          ),
        );
        batch.forEach((queued, i) => queued.settle(outcomes[i]));
      }
    } finally {
      this.writing = false;
    }
  }
}
