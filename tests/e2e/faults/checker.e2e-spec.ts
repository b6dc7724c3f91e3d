import { checkHistory, type CheckInput, type StoredMessage } from '../support/load/checker';
import type { Operation, Outcome } from '../support/load/history';

// The checker judges every fault run, so it must catch each kind of wrong history. These build
// small histories by hand (no hub) and expect the verdict.
const AGENT = 'agent-a';
const CONVERSATION = 'conversation-1';

function op(index: number, outcome: Outcome = 'ok', client = 0): Operation {
  return {
    clientMessageId: `c${client}-${index}`,
    client,
    index,
    phase: 'test',
    startedAt: index,
    attempts: 1,
    outcome,
  };
}

function stored(...ids: string[]): StoredMessage[] {
  return ids.map((id, i) => ({ conversationId: CONVERSATION, seq: i + 1, clientMessageId: id }));
}

function input(operations: Operation[], messages: StoredMessage[]): CheckInput {
  return {
    operations,
    messages,
    conversations: [{ id: CONVERSATION, assigneeId: AGENT }],
    capacity: new Map([[AGENT, 2]]),
    received: new Map([[AGENT, new Set(messages.map((m) => m.clientMessageId!))]]),
    assignees: new Map([[CONVERSATION, new Set([AGENT])]]),
    peakLoad: new Map([[AGENT, 1]]),
  };
}

describe('fault checker', () => {
  it('passes a history where every acknowledged message was stored once, in order, and delivered', () => {
    const result = checkHistory(input([op(0), op(1), op(2, 'unknown')], stored('c0-0', 'c0-1')));
    expect(result.violations).toEqual([]);
    expect(result.phases).toEqual([
      {
        phase: 'test',
        sent: 3,
        acknowledged: 2,
        failed: 0,
        unknown: 1,
        stored: 2,
        lost: 0,
        doubled: 0,
      },
    ]);
  });

  it('reports an acknowledged message that was lost, and one stored twice', () => {
    const messages = stored('c0-1', 'c0-1');
    const { violations, phases } = checkHistory(input([op(0), op(1)], messages));
    expect(violations).toEqual(
      expect.arrayContaining([
        'c0-0 was acknowledged and stored 0 times',
        'c0-1 was acknowledged and stored 2 times',
      ]),
    );
    expect(phases[0]).toMatchObject({ lost: 1, doubled: 1 });
  });

  it('reports a message stored out of its client’s order', () => {
    const { violations } = checkHistory(input([op(0), op(1)], stored('c0-1', 'c0-0')));
    expect(violations).toEqual([
      'client 0: c0-1 (sent after c0-0) stored at seq 1 before it (seq 2)',
    ]);
  });

  it('reports a gap in a conversation’s seq', () => {
    const messages = [{ conversationId: CONVERSATION, seq: 2, clientMessageId: 'c0-0' }];
    const { violations } = checkHistory(input([op(0)], messages));
    expect(violations).toEqual([`conversation ${CONVERSATION}: seq 2 where 1 was due (of 1)`]);
  });

  it('reports a refused message that was stored, and an unknown one stored twice', () => {
    const refused = { ...op(0, 'failed'), errorCode: 'MESSAGE_NOT_ACCEPTED' };
    const { violations } = checkHistory(
      input([refused, op(1, 'unknown')], stored('c0-0', 'c0-1', 'c0-1')),
    );
    expect(violations).toEqual([
      'c0-0 was refused (MESSAGE_NOT_ACCEPTED) yet stored',
      'c0-1 (unknown) was stored 2 times',
    ]);
  });

  it('reports a message its agent never received', () => {
    const history = input([op(0)], stored('c0-0'));
    const { violations } = checkHistory({ ...history, received: new Map() });
    expect(violations).toEqual([`c0-0 never reached agent ${AGENT}, live or on resume`]);
  });

  it('reports an agent over capacity and a conversation with two agents', () => {
    const history = input([op(0)], stored('c0-0'));
    const { violations } = checkHistory({
      ...history,
      peakLoad: new Map([[AGENT, 3]]),
      assignees: new Map([[CONVERSATION, new Set([AGENT, 'agent-b'])]]),
    });
    expect(violations).toEqual([
      `agent ${AGENT} held 3 conversations, capacity 2`,
      `conversation ${CONVERSATION} had 2 agents: ${AGENT}, agent-b`,
    ]);
  });
});
