import type { ConversationView, MessageView, VisitorHistoryReply } from '@hub/contracts';
import { ContentType, MessageDirection, SenderType } from '@hub/domain';
import { WebSocket } from 'ws';
import type { AssigneeDirectory, VisitorAssignee } from './assignee-directory';
import { VisitorDelivery } from './visitor-delivery';
import type { VisitorHistory } from './visitor-history';
import type { PendingSend, VisitorSocket } from './visitor-socket';

const conversationId = '5d6e0000-0000-4000-8000-000000000001';

function message(seq: number, overrides: Partial<MessageView> = {}): MessageView {
  return {
    id: `m${seq}`,
    conversationId,
    seq,
    direction: MessageDirection.Outbound,
    senderType: SenderType.Agent,
    content: `message ${seq}`,
    contentType: ContentType.Text,
    createdAt: new Date(0).toISOString(),
    ...overrides,
  };
}

/** The fields of a VisitorSocket the delivery reads, recording what it sends. */
function fakeSocket(lastSeq = 0) {
  const sent: Record<string, unknown>[] = [];
  const socket = {
    readyState: WebSocket.OPEN,
    bufferedAmount: 0,
    visitor: { visitorId: 'v', workspaceId: 'w', inboxId: 'i' },
    conversationId,
    lastSeq,
    pending: null,
    held: null,
    send: (data: string) => sent.push(JSON.parse(data) as Record<string, unknown>),
    terminate: () => undefined,
  } as unknown as VisitorSocket;
  return { socket, sent };
}

/** Routing's answer about an agent, given when the test says so. */
function assigneeLookup() {
  const known = new Map<string, VisitorAssignee>();
  let answer: (() => void) | undefined;
  const directory = {
    cached: (_workspaceId: string, agentId: string | null) =>
      agentId === null ? null : known.get(agentId),
    find: (_workspaceId: string, agentId: string) =>
      new Promise<VisitorAssignee>((resolve) => {
        answer = () => {
          const assignee = { id: agentId, name: 'Alice', avatarUrl: null };
          known.set(agentId, assignee);
          resolve(assignee);
        };
      }),
  };
  return { directory: directory as unknown as AssigneeDirectory, answer: () => answer?.() };
}

function delivery(stored: MessageView[] = [], assignees = assigneeLookup()) {
  const fetch = jest.fn((_visitor: unknown, afterSeq: number): Promise<VisitorHistoryReply> =>
    Promise.resolve({
      conversation: { id: conversationId } as VisitorHistoryReply['conversation'],
      messages: stored.filter((m) => m.seq > afterSeq),
    }),
  );
  return {
    delivery: new VisitorDelivery({ fetch } as unknown as VisitorHistory, assignees.directory),
    fetch,
  };
}

const created = (m: MessageView) => ({ type: 'message.created' as const, message: m });
const seqsOf = (sent: Record<string, unknown>[]) =>
  sent.map((f) => (f.type === 'message.created' ? (f.message as MessageView).seq : f.type));

describe('visitor delivery', () => {
  it('sends messages once each, in seq order', () => {
    const { delivery: d } = delivery();
    const { socket, sent } = fakeSocket(1);

    for (const seq of [1, 2, 2, 3]) d.deliver(socket, created(message(seq)));

    expect(seqsOf(sent)).toEqual([2, 3]);
    expect(socket.lastSeq).toBe(3);
  });

  it('fills a gap from the stored history before the newer message, holding what comes meanwhile', async () => {
    const stored = [1, 2, 3, 4].map((seq) => message(seq));
    const { delivery: d, fetch } = delivery(stored);
    const { socket, sent } = fakeSocket(1);

    d.deliver(socket, created(stored[3]));
    d.deliver(socket, {
      type: 'queue.position',
      conversationId,
      position: 1,
      estimatedWaitSeconds: 90,
    });
    await new Promise((resolve) => setImmediate(resolve));

    expect(fetch).toHaveBeenCalledWith(socket.visitor, 1);
    expect(seqsOf(sent)).toEqual([2, 3, 4, 'queue.position']);
  });

  it('names the agent in a conversation update, holding later events until routing has answered', async () => {
    const assignees = assigneeLookup();
    const { delivery: d } = delivery([], assignees);
    const { socket, sent } = fakeSocket(1);
    const conversation = {
      id: conversationId,
      workspaceId: 'w',
      assigneeId: 'agent-1',
      status: 'assigned',
      csat: null,
    } as unknown as ConversationView;

    d.deliver(socket, { type: 'conversation.updated', conversation });
    d.deliver(socket, created(message(2)));
    expect(sent).toEqual([]);
    assignees.answer();
    await new Promise((resolve) => setImmediate(resolve));
    d.deliver(socket, { type: 'conversation.updated', conversation });

    expect(seqsOf(sent)).toEqual(['conversation.updated', 2, 'conversation.updated']);
    expect(sent[0]).toMatchObject({
      conversation: { assignee: { id: 'agent-1', name: 'Alice', avatarUrl: null }, csat: null },
    });
  });

  it('answers the visitor’s own stored message with message.ack, only after message.accepted', () => {
    const { delivery: d } = delivery();
    const { socket, sent } = fakeSocket(0);
    const frame = { ref: 'r1', accepted: false };
    const pending: PendingSend = { since: Date.now(), frames: [frame] };
    socket.pending = new Map([['c1', pending]]);
    const own = message(1, { senderType: SenderType.Customer, clientMessageId: 'c1' });

    d.deliver(socket, created(own));
    expect(sent).toEqual([]);
    frame.accepted = true;
    d.settle(socket, pending.stored!);

    expect(sent).toEqual([
      {
        type: 'message.ack',
        ref: 'r1',
        clientMessageId: 'c1',
        messageId: 'm1',
        seq: 1,
        conversationId,
      },
    ]);
  });

  it('acks each frame of one clientMessageId with its own ref, each only after its own message.accepted', () => {
    const { delivery: d } = delivery();
    const { socket, sent } = fakeSocket(0);
    const first = { ref: 'r1', accepted: true };
    const resend = { ref: 'r2', accepted: false };
    const pending: PendingSend = { since: Date.now(), frames: [first, resend] };
    socket.pending = new Map([['c1', pending]]);
    const own = message(1, { senderType: SenderType.Customer, clientMessageId: 'c1' });
    const ack = (ref: string) => ({
      type: 'message.ack',
      ref,
      clientMessageId: 'c1',
      messageId: 'm1',
      seq: 1,
      conversationId,
    });

    d.deliver(socket, created(own));
    expect(sent).toEqual([ack('r1')]);
    expect(socket.pending?.has('c1')).toBe(true);
    resend.accepted = true;
    d.settle(socket, pending.stored!);

    expect(sent).toEqual([ack('r1'), ack('r2')]);
    expect(socket.pending?.has('c1')).toBe(false);
  });

  it('acks a resent message already shown, without showing it again', () => {
    const { delivery: d } = delivery();
    const { socket, sent } = fakeSocket(5);
    socket.pending = new Map([['c3', { since: Date.now(), frames: [{ accepted: true }] }]]);

    d.deliver(
      socket,
      created(message(3, { senderType: SenderType.Customer, clientMessageId: 'c3' })),
    );
    d.deliver(socket, created(message(4)));

    expect(sent).toEqual([
      { type: 'message.ack', clientMessageId: 'c3', messageId: 'm3', seq: 3, conversationId },
    ]);
  });

  it('starts counting again at a new conversation', () => {
    const { delivery: d } = delivery();
    const { socket, sent } = fakeSocket(9);

    d.deliver(socket, created(message(1, { conversationId: 'another', id: 'n1' })));

    expect(sent).toEqual([created(message(1, { conversationId: 'another', id: 'n1' }))]);
    expect(socket).toMatchObject({ conversationId: 'another', lastSeq: 1 });
  });

  it('answers each pending frame of a message that was given up with message.failed, and forgets it', () => {
    const { delivery: d } = delivery();
    const { socket, sent } = fakeSocket();
    socket.pending = new Map([
      [
        'c-1',
        {
          since: 0,
          frames: [
            { ref: 'r-1', accepted: true },
            { ref: 'r-2', accepted: false },
          ],
        },
      ],
    ]);

    d.deliver(socket, {
      type: 'message.failed',
      clientMessageId: 'c-1',
      code: 'MESSAGE_NOT_STORED',
    });

    expect(sent).toEqual([
      { type: 'message.failed', ref: 'r-1', clientMessageId: 'c-1', code: 'MESSAGE_NOT_STORED' },
      { type: 'message.failed', ref: 'r-2', clientMessageId: 'c-1', code: 'MESSAGE_NOT_STORED' },
    ]);
    expect(socket.pending?.size).toBe(0);
  });

  it('tells every socket of the visitor, without a ref where the send came from another tab', () => {
    const { delivery: d } = delivery();
    const { socket, sent } = fakeSocket();

    d.deliver(socket, {
      type: 'message.failed',
      clientMessageId: 'c-2',
      code: 'VALIDATION_FAILED',
    });

    expect(sent).toEqual([
      { type: 'message.failed', clientMessageId: 'c-2', code: 'VALIDATION_FAILED' },
    ]);
  });
});
