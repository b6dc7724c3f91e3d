import type { Operation } from './history';

/** A customer message as conversation stored it. */
export interface StoredMessage {
  conversationId: string;
  seq: number;
  clientMessageId: string | null;
}

export interface StoredConversation {
  id: string;
  assigneeId: string | null;
}

export interface CheckInput {
  operations: readonly Operation[];
  /** Every message of the conversations the load used (any sender). */
  messages: readonly StoredMessage[];
  conversations: readonly StoredConversation[];
  /** Each agent's capacity (`max_concurrent_chats`). */
  capacity: ReadonlyMap<string, number>;
  /** Per agent, the client ids of the customer messages its sockets received (live or resumed). */
  received: ReadonlyMap<string, ReadonlySet<string>>;
  /** Per conversation, every agent it was announced as assigned to. */
  assignees: ReadonlyMap<string, ReadonlySet<string>>;
  /** Per agent, the most conversations announced as theirs at one moment. */
  peakLoad: ReadonlyMap<string, number>;
}

export interface PhaseFigures {
  phase: string;
  sent: number;
  acknowledged: number;
  failed: number;
  unknown: number;
  stored: number;
  lost: number;
  doubled: number;
}

export interface CheckResult {
  violations: string[];
  phases: PhaseFigures[];
}

/**
 * Jepsen-style verdict on one load run, after the hub has healed and quiesced: acknowledged
 * messages stored exactly once, in each client's order, gap-free per conversation, seen by their
 * agent; unknown ones at most once, refused ones never; no agent over capacity; one agent per
 * conversation.
 */
export function checkHistory(input: CheckInput): CheckResult {
  const violations: string[] = [];
  const copies = new Map<string, StoredMessage[]>();
  for (const message of input.messages) {
    if (!message.clientMessageId) continue;
    const list = copies.get(message.clientMessageId) ?? [];
    list.push(message);
    copies.set(message.clientMessageId, list);
  }
  const stored = (op: Operation) => copies.get(op.clientMessageId) ?? [];

  for (const op of input.operations) {
    const count = stored(op).length;
    if (op.outcome === 'ok' && count !== 1) {
      violations.push(`${op.clientMessageId} was acknowledged and stored ${count} times`);
    }
    if (op.outcome === 'unknown' && count > 1) {
      violations.push(`${op.clientMessageId} (unknown) was stored ${count} times`);
    }
    if (op.outcome === 'failed' && count > 0) {
      violations.push(`${op.clientMessageId} was refused (${op.errorCode}) yet stored`);
    }
    if (op.givenUp)
      violations.push(`${op.clientMessageId} was acknowledged, then given up: ${op.givenUp}`);
  }
  violations.push(...gapsInSeq(input.messages));
  violations.push(...outOfClientOrder(input.operations, stored));
  violations.push(...notDelivered(input, stored));
  violations.push(...overCapacity(input));
  for (const [conversationId, agents] of input.assignees) {
    if (agents.size > 1) {
      violations.push(
        `conversation ${conversationId} had ${agents.size} agents: ${[...agents].join(', ')}`,
      );
    }
  }
  return { violations, phases: figuresByPhase(input.operations, stored) };
}

function gapsInSeq(messages: readonly StoredMessage[]): string[] {
  const seqs = new Map<string, number[]>();
  for (const m of messages)
    seqs.set(m.conversationId, [...(seqs.get(m.conversationId) ?? []), m.seq]);
  const violations: string[] = [];
  for (const [conversationId, list] of seqs) {
    const sorted = [...list].sort((a, b) => a - b);
    const broken = sorted.findIndex((seq, i) => seq !== i + 1);
    if (broken >= 0) {
      violations.push(
        `conversation ${conversationId}: seq ${sorted[broken]} where ${broken + 1} was due (of ${sorted.length})`,
      );
    }
  }
  return violations;
}

/** Each client sends one message after the other's acceptance, so its stored seqs must rise. */
function outOfClientOrder(
  operations: readonly Operation[],
  stored: (op: Operation) => StoredMessage[],
): string[] {
  const lastByClient = new Map<number, { op: Operation; seq: number }>();
  const violations: string[] = [];
  const acknowledged = operations
    .filter((op) => op.outcome === 'ok' && stored(op).length === 1)
    .sort((a, b) => a.client - b.client || a.index - b.index);
  for (const op of acknowledged) {
    const seq = stored(op)[0].seq;
    const previous = lastByClient.get(op.client);
    if (previous && previous.seq > seq) {
      violations.push(
        `client ${op.client}: ${op.clientMessageId} (sent after ${previous.op.clientMessageId}) stored at seq ${seq} before it (seq ${previous.seq})`,
      );
    }
    lastByClient.set(op.client, { op, seq });
  }
  return violations;
}

function notDelivered(input: CheckInput, stored: (op: Operation) => StoredMessage[]): string[] {
  const assignee = new Map(input.conversations.map((c) => [c.id, c.assigneeId]));
  const violations: string[] = [];
  for (const op of input.operations) {
    const [message] = stored(op);
    if (op.outcome !== 'ok' || !message) continue;
    const agent = assignee.get(message.conversationId);
    if (!agent) {
      violations.push(`${op.clientMessageId}: conversation ${message.conversationId} has no agent`);
    } else if (!input.received.get(agent)?.has(op.clientMessageId)) {
      violations.push(`${op.clientMessageId} never reached agent ${agent}, live or on resume`);
    }
  }
  return violations;
}

function overCapacity(input: CheckInput): string[] {
  const violations: string[] = [];
  const finalLoad = new Map<string, number>();
  for (const c of input.conversations) {
    if (c.assigneeId) finalLoad.set(c.assigneeId, (finalLoad.get(c.assigneeId) ?? 0) + 1);
  }
  for (const [agent, max] of input.capacity) {
    const peak = Math.max(input.peakLoad.get(agent) ?? 0, finalLoad.get(agent) ?? 0);
    if (peak > max) violations.push(`agent ${agent} held ${peak} conversations, capacity ${max}`);
  }
  return violations;
}

function figuresByPhase(
  operations: readonly Operation[],
  stored: (op: Operation) => StoredMessage[],
): PhaseFigures[] {
  const phases = [...new Set(operations.map((op) => op.phase))];
  return phases.map((phase) => {
    const ops = operations.filter((op) => op.phase === phase);
    const ok = ops.filter((op) => op.outcome === 'ok');
    return {
      phase,
      sent: ops.length,
      acknowledged: ok.length,
      failed: ops.filter((op) => op.outcome === 'failed').length,
      unknown: ops.filter((op) => op.outcome === 'unknown').length,
      stored: ops.filter((op) => stored(op).length > 0).length,
      lost: ok.filter((op) => stored(op).length === 0).length,
      doubled: ops.filter((op) => stored(op).length > 1).length,
    };
  });
}
