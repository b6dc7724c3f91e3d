import type { MessageView, VisitorConversation } from '../api/types';
import { applyFrame } from './apply-frame';
import { EMPTY_PERSISTED_STATE, type OutboxEntry } from './persisted-state';
import { DEFAULT_CONFIG, type WidgetState } from './widget-state';

const NOW = new Date('2026-03-01T10:00:00Z');
const C1 = '11111111-1111-4111-8111-111111111111';
const C2 = '22222222-2222-4222-8222-222222222222';

function state(overrides: Partial<WidgetState> = {}): WidgetState {
  return {
    ...EMPTY_PERSISTED_STATE,
    config: DEFAULT_CONFIG,
    locale: 'en',
    connection: 'online',
    conversation: null,
    messages: [],
    lastSeq: 0,
    historySeq: 0,
    queue: null,
    agentTyping: false,
    invitation: null,
    blockedLinks: [],
    uploads: [],
    notice: null,
    csat: 'idle',
    transcript: 'idle',
    offline: 'idle',
    ...overrides,
  };
}

function message(seq: number, overrides: Partial<MessageView> = {}): MessageView {
  return {
    id: `m${seq}`,
    conversationId: C1,
    seq,
    direction: 'outbound',
    senderType: 'agent',
    content: `message ${seq}`,
    contentType: 'text',
    createdAt: NOW.toISOString(),
    ...overrides,
  };
}

function conversation(overrides: Partial<VisitorConversation> = {}): VisitorConversation {
  return {
    id: C1,
    status: 'assigned',
    assigneeId: 'a1',
    departmentId: null,
    lastSeq: 2,
    ...overrides,
  };
}

const pending = (clientMessageId: string, overrides: Partial<OutboxEntry> = {}): OutboxEntry => ({
  clientMessageId,
  content: `text of ${clientMessageId}`,
  state: 'sending',
  createdAt: NOW.toISOString(),
  ...overrides,
});

describe('applyFrame', () => {
  describe('welcome', () => {
    it('loads the conversation, drops outbox entries it already stored and flushes the rest', () => {
      const stored = message(2, {
        direction: 'inbound',
        senderType: 'customer',
        clientMessageId: 'c-stored',
      });
      const { state: next, effects } = applyFrame(
        state({ outbox: [pending('c-stored'), pending('c-unsent')] }),
        {
          type: 'welcome',
          visitorId: 'v1',
          conversationId: C1,
          conversation: conversation(),
          messages: [message(1), stored],
        },
        NOW,
      );
      expect(next.conversationId).toBe(C1);
      expect(next.messages.map((m) => m.seq)).toEqual([1, 2]);
      expect(next.outbox.map((e) => e.clientMessageId)).toEqual(['c-unsent']);
      expect(next.lastSeq).toBe(2);
      expect(effects).toEqual([{ type: 'flush-outbox' }]);
    });

    it('starts over when the hub reports another conversation than the one held', () => {
      const { state: next } = applyFrame(
        state({ conversationId: C1, messages: [message(1), message(2)], lastSeq: 2, readSeq: 2 }),
        {
          type: 'welcome',
          visitorId: 'v1',
          conversationId: C2,
          conversation: conversation({ id: C2, lastSeq: 1 }),
          messages: [message(1, { id: 'n1', conversationId: C2 })],
        },
        NOW,
      );
      expect(next.messages.map((m) => m.id)).toEqual(['n1']);
      expect(next.readSeq).toBe(0);
    });
  });

  describe('delivery of own messages', () => {
    it('moves a message from Sending to Sent on accepted, then into the transcript on ack', () => {
      const accepted = applyFrame(
        state({ outbox: [pending('c1')] }),
        { type: 'message.accepted', clientMessageId: 'c1' },
        NOW,
      ).state;
      expect(accepted.outbox[0].state).toBe('sent');

      const acked = applyFrame(
        accepted,
        { type: 'message.ack', clientMessageId: 'c1', messageId: 'm9', seq: 1, conversationId: C1 },
        NOW,
      ).state;
      expect(acked.outbox).toEqual([]);
      expect(acked.conversationId).toBe(C1);
      expect(acked.conversation).toMatchObject({ id: C1, status: 'open' });
      expect(acked.messages).toEqual([
        expect.objectContaining({
          id: 'm9',
          seq: 1,
          direction: 'inbound',
          content: 'text of c1',
          clientMessageId: 'c1',
        }),
      ]);
    });

    it('ignores the second ack of a resent message', () => {
      const acked = applyFrame(
        state({ outbox: [pending('c1')] }),
        { type: 'message.ack', clientMessageId: 'c1', messageId: 'm1', seq: 1, conversationId: C1 },
        NOW,
      ).state;
      const again = applyFrame(
        acked,
        { type: 'message.ack', clientMessageId: 'c1', messageId: 'm1', seq: 1, conversationId: C1 },
        NOW,
      ).state;
      expect(again).toEqual(acked);
      expect(again.messages).toHaveLength(1);
    });

    it('shows a message the hub gave up on as failed', () => {
      const { state: next } = applyFrame(
        state({ outbox: [pending('c1', { state: 'sent' })] }),
        { type: 'message.failed', clientMessageId: 'c1', code: 'MESSAGE_NOT_STORED' },
        NOW,
      );
      expect(next.outbox[0].state).toBe('failed');
    });

    it('resends after a rate limit, when the hub says, and fails a frame it refused as invalid', () => {
      const held = state({ outbox: [pending('c1')] });
      expect(
        applyFrame(
          held,
          { type: 'error', ref: 'c1', status: 429, code: 'RATE_LIMITED', retryAfterMs: 800 },
          NOW,
        ).effects,
      ).toEqual([{ type: 'resend-later', clientMessageId: 'c1', delayMs: 800 }]);
      expect(
        applyFrame(held, { type: 'error', ref: 'c1', status: 400, code: 'VALIDATION_FAILED' }, NOW)
          .state.outbox[0].state,
      ).toBe('failed');
    });
  });

  describe('message.created', () => {
    it('keeps each message once, ordered by seq, whatever order and repeats they come in', () => {
      let current = state({ conversationId: C1 });
      for (const seq of [2, 1, 3, 2, 1])
        current = applyFrame(
          current,
          { type: 'message.created', message: message(seq) },
          NOW,
        ).state;
      expect(current.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
      expect(current.lastSeq).toBe(3);
    });

    it('counts agent messages as unread while the panel is closed, read while it is open', () => {
      const closed = applyFrame(
        state({ conversationId: C1 }),
        { type: 'message.created', message: message(1) },
        NOW,
      ).state;
      expect(closed.readSeq).toBe(0);
      const open = applyFrame(
        state({ conversationId: C1, open: true }),
        { type: 'message.created', message: message(1) },
        NOW,
      ).state;
      expect(open.readSeq).toBe(1);
    });

    it('opens a live pushed link, but not one from the history', () => {
      const link = message(3, { contentType: 'link', content: 'https://shop.example/sale' });
      const live = applyFrame(
        state({ conversationId: C1, historySeq: 2 }),
        { type: 'message.created', message: link },
        NOW,
      );
      expect(live.effects).toEqual([
        { type: 'live-message', message: link },
        { type: 'open-link', messageId: 'm3', url: 'https://shop.example/sale' },
      ]);
      const history = applyFrame(
        state({ conversationId: C1, historySeq: 5 }),
        { type: 'message.created', message: link },
        NOW,
      );
      expect(history.effects).toEqual([]);
    });

    it('never opens a pushed link that is not http(s)', () => {
      const link = message(1, { contentType: 'link', content: 'javascript:alert(1)' });
      const { effects } = applyFrame(
        state({ conversationId: C1 }),
        { type: 'message.created', message: link },
        NOW,
      );
      expect(effects).toEqual([{ type: 'live-message', message: link }]);
    });

    it('starts a new transcript for a message of a new conversation', () => {
      const { state: next } = applyFrame(
        state({ conversationId: C1, messages: [message(1), message(2)], lastSeq: 2 }),
        { type: 'message.created', message: message(1, { id: 'n1', conversationId: C2 }) },
        NOW,
      );
      expect(next.conversationId).toBe(C2);
      expect(next.messages.map((m) => m.id)).toEqual(['n1']);
    });
  });

  it('shows the queue position with its estimated wait, and drops it once assigned', () => {
    const queued = applyFrame(
      state({ conversationId: C1, conversation: conversation({ status: 'open' }) }),
      { type: 'queue.position', conversationId: C1, position: 2, estimatedWaitSeconds: 150 },
      NOW,
    ).state;
    expect(queued.queue).toEqual({ position: 2, estimatedWaitSeconds: 150 });
    const assigned = applyFrame(
      queued,
      { type: 'conversation.updated', conversation: conversation() },
      NOW,
    ).state;
    expect(assigned.queue).toBeNull();
    expect(assigned.conversation?.status).toBe('assigned');
  });

  it('shows the agent typing only for the current conversation', () => {
    const held = state({ conversationId: C1 });
    expect(
      applyFrame(held, { type: 'typing', conversationId: C1, by: 'agent', isTyping: true }, NOW)
        .state.agentTyping,
    ).toBe(true);
    expect(
      applyFrame(held, { type: 'typing', conversationId: C2, by: 'agent', isTyping: true }, NOW)
        .state.agentTyping,
    ).toBe(false);
  });

  it('schedules an invitation unless the visitor dismissed it or is chatting', () => {
    const frame = {
      type: 'invitation' as const,
      invitationId: 'i1',
      agent: null,
      message: 'Need help?',
      delaySeconds: 5,
    };
    expect(applyFrame(state(), frame, NOW).effects).toEqual([
      {
        type: 'invitation',
        invitation: { invitationId: 'i1', agent: null, message: 'Need help?', delaySeconds: 5 },
      },
    ]);
    expect(applyFrame(state({ dismissedInvitations: ['i1'] }), frame, NOW).effects).toEqual([]);
    expect(
      applyFrame(state({ conversationId: C1, conversation: conversation() }), frame, NOW).effects,
    ).toEqual([]);
  });

  it('thanks the visitor once the rating is stored', () => {
    expect(
      applyFrame(state({ csat: 'sending' }), { type: 'csat.ack', conversationId: C1 }, NOW).state
        .csat,
    ).toBe('thanks');
  });

  it('says the transcript is on its way once stored, and why not when refused', () => {
    const sending = state({ transcript: 'sending' });
    const ack = { type: 'transcript.ack', conversationId: C1 } as const;
    expect(applyFrame(sending, ack, NOW).state.transcript).toBe('sent');
    const refused = (code: string, status: number) =>
      applyFrame(sending, { type: 'error', ref: 'transcript', status, code }, NOW).state.transcript;
    expect(refused('RATE_LIMITED', 429)).toBe('limited');
    expect(refused('TRANSCRIPT_UNAVAILABLE', 409)).toBe('failed');
  });
});
