/**
 * What the load clients did, in Jepsen's terms: every operation (one customer message, known by
 * its client id) and how it ended for the client that sent it.
 *
 * - `ok`: the hub said it durably accepted the message (`message.accepted`), on some attempt.
 * - `failed`: every attempt was refused with an `error` (the hub promises nothing was stored).
 * - `unknown`: no answer either way (the socket dropped, or the phase ended first).
 */
export type Outcome = 'ok' | 'failed' | 'unknown';

export interface Operation {
  clientMessageId: string;
  /** The visitor (client) that sent it. */
  client: number;
  /** Position in that client's sends, from 0: the order the checker expects in the store. */
  index: number;
  /** The fault phase it was sent in. */
  phase: string;
  startedAt: number;
  attempts: number;
  outcome: Outcome;
  /** When it was first accepted (ms, performance.now()). */
  acceptedAt?: number;
  /** The error code of the last refused attempt. */
  errorCode?: string;
  /** When the hub first said it was stored (`message.ack`). */
  storedAt?: number;
  /** When an agent's socket first received it. */
  deliveredAt?: number;
  /** The hub gave it up after accepting it (`message.failed`): a loss the hub admits. */
  givenUp?: string;
}

export class History {
  readonly operations: Operation[] = [];
  private readonly byId = new Map<string, Operation>();

  begin(op: Omit<Operation, 'attempts' | 'outcome' | 'startedAt'>): Operation {
    const operation: Operation = {
      ...op,
      attempts: 0,
      outcome: 'unknown',
      startedAt: performance.now(),
    };
    this.operations.push(operation);
    this.byId.set(op.clientMessageId, operation);
    return operation;
  }

  get(clientMessageId: string): Operation | undefined {
    return this.byId.get(clientMessageId);
  }

  /** An agent's socket received the message (live or on resume). */
  delivered(clientMessageId: string): void {
    const op = this.byId.get(clientMessageId);
    if (op) op.deliveredAt ??= performance.now();
  }

  /**
   * How long after `since` the first message sent at or after it reached an agent, counting
   * deliveries before `until` only (the final check's resume delivers everything at once).
   */
  firstDeliveryAfter(since: number, until: number): number | undefined {
    const times = this.operations
      .filter((op) => op.startedAt >= since && op.deliveredAt !== undefined)
      .filter((op) => op.deliveredAt! < until)
      .map((op) => op.deliveredAt! - since);
    return times.length ? Math.min(...times) : undefined;
  }
}
