import type { Invitation, MessageView, ServerFrame, VisitorConversation } from '../api/types';
import {
  mergeMessages,
  safeHttpUrl,
  storedOwnMessage,
  withoutStored,
} from '../features/chat/transcript';
import type { WidgetState } from './widget-state';

/** What the store must do beyond changing state (browser calls, timers, callbacks). */
export type FrameEffect =
  | { type: 'flush-outbox' }
  | { type: 'resend-later'; clientMessageId: string; delayMs: number }
  | { type: 'live-message'; message: MessageView }
  | { type: 'open-link'; messageId: string; url: string }
  | { type: 'invitation'; invitation: Invitation };

export interface FrameResult {
  state: WidgetState;
  effects: FrameEffect[];
}

/** Errors after which the same frame is sent again (docs/visitor-socket.md §4.1, §6). */
const RESEND_CODES = new Set([
  'RATE_LIMITED',
  'MESSAGE_NOT_ACCEPTED',
  'DATABASE_UNAVAILABLE',
  'REALTIME_UNAVAILABLE',
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_UNAVAILABLE',
  'TOO_MANY_PENDING_MESSAGES',
]);

const isActive = (conversation: VisitorConversation | null) =>
  conversation !== null && conversation.status !== 'resolved' && conversation.status !== 'closed';

/** The state switched to conversation `id`: a new conversation starts an empty transcript. */
function onConversation(state: WidgetState, id: string): WidgetState {
  if (state.conversationId === id) return state;
  return {
    ...state,
    conversationId: id,
    conversation: state.conversation?.id === id ? state.conversation : null,
    messages: [],
    lastSeq: 0,
    historySeq: 0,
    readSeq: 0,
    queue: null,
    agentTyping: false,
    csat: 'idle',
    transcript: 'idle',
  };
}

function withMessages(state: WidgetState, incoming: readonly MessageView[]): WidgetState {
  const messages = mergeMessages(state.messages, incoming);
  const lastSeq = messages.length > 0 ? messages[messages.length - 1].seq : 0;
  return { ...state, messages, lastSeq, outbox: withoutStored(state.outbox, incoming) };
}

/** Applies one server frame; pure, so every protocol rule is unit-tested without a socket. */
export function applyFrame(state: WidgetState, frame: ServerFrame, now: Date): FrameResult {
  const result = reduce(state, frame, now);
  // An open panel is a read transcript: no badge for what the visitor has in front of them.
  const read = result.state.open ? result.state.lastSeq : result.state.readSeq;
  return { ...result, state: { ...result.state, readSeq: Math.max(read, result.state.readSeq) } };
}

function reduce(state: WidgetState, frame: ServerFrame, now: Date): FrameResult {
  switch (frame.type) {
    case 'welcome': {
      let next = frame.conversationId ? onConversation(state, frame.conversationId) : state;
      next = withMessages(
        { ...next, conversation: frame.conversation, queue: null },
        frame.messages,
      );
      const historySeq = Math.max(next.lastSeq, frame.conversation?.lastSeq ?? 0);
      return { state: { ...next, historySeq }, effects: [{ type: 'flush-outbox' }] };
    }
    case 'message.accepted':
      return {
        state: {
          ...state,
          outbox: state.outbox.map((entry) =>
            entry.clientMessageId === frame.clientMessageId && entry.state === 'sending'
              ? { ...entry, state: 'sent' }
              : entry,
          ),
        },
        effects: [],
      };
    case 'message.ack': {
      const entry = state.outbox.find((item) => item.clientMessageId === frame.clientMessageId);
      if (!entry) return { state, effects: [] }; // the ack of a resend already applied
      let next = onConversation(state, frame.conversationId);
      if (!next.conversation)
        next = {
          ...next,
          conversation: {
            id: frame.conversationId,
            status: 'open',
            assigneeId: null,
            departmentId: entry.departmentId ?? null,
            lastSeq: frame.seq,
          },
        };
      next = withMessages(next, [storedOwnMessage(entry, frame, now)]);
      return { state: { ...next, historySeq: Math.max(next.historySeq, frame.seq) }, effects: [] };
    }
    case 'message.failed':
      return { state: markFailed(state, frame.clientMessageId), effects: [] };
    case 'message.created': {
      const { message } = frame;
      const next = withMessages(onConversation(state, message.conversationId), [message]);
      const known = state.messages.some((held) => held.id === message.id);
      if (known || message.seq <= next.historySeq) return { state: next, effects: [] };
      const effects: FrameEffect[] = [{ type: 'live-message', message }];
      const url = safeHttpUrl(message.content);
      if (message.contentType === 'link' && message.direction === 'outbound' && url)
        effects.push({ type: 'open-link', messageId: message.id, url });
      const agentTyping = message.senderType === 'agent' ? false : next.agentTyping;
      return { state: { ...next, agentTyping }, effects };
    }
    case 'conversation.updated': {
      const { conversation } = frame;
      const next = onConversation(state, conversation.id);
      return {
        state: {
          ...next,
          conversation,
          queue: conversation.status === 'open' ? next.queue : null,
          agentTyping: isActive(conversation) ? next.agentTyping : false,
        },
        effects: [],
      };
    }
    case 'typing':
      if (frame.by !== 'agent' || frame.conversationId !== state.conversationId)
        return { state, effects: [] };
      return { state: { ...state, agentTyping: frame.isTyping }, effects: [] };
    case 'queue.position':
      if (state.conversationId && frame.conversationId !== state.conversationId)
        return { state, effects: [] };
      return {
        state: {
          ...state,
          queue: {
            position: frame.position,
            estimatedWaitSeconds: frame.estimatedWaitSeconds ?? null,
          },
        },
        effects: [],
      };
    case 'invitation': {
      const { type: _type, ...invitation } = frame;
      if (
        state.dismissedInvitations.includes(invitation.invitationId) ||
        isActive(state.conversation)
      )
        return { state, effects: [] };
      return { state, effects: [{ type: 'invitation', invitation }] };
    }
    case 'invitation.ack': {
      const next = { ...state, invitation: null };
      return {
        state: frame.conversationId ? onConversation(next, frame.conversationId) : next,
        effects: [],
      };
    }
    case 'csat.ack':
      return { state: { ...state, csat: 'thanks' }, effects: [] };
    case 'transcript.ack':
      return { state: { ...state, transcript: 'sent' }, effects: [] };
    case 'error':
      return onError(state, frame);
    case 'pong':
      return { state, effects: [] };
    default:
      return { state, effects: [] };
  }
}

function markFailed(state: WidgetState, clientMessageId: string): WidgetState {
  return {
    ...state,
    outbox: state.outbox.map((entry) =>
      entry.clientMessageId === clientMessageId ? { ...entry, state: 'failed' } : entry,
    ),
  };
}

function onError(state: WidgetState, frame: Extract<ServerFrame, { type: 'error' }>): FrameResult {
  if (frame.ref === 'csat')
    return { state: { ...state, csat: 'idle', notice: { key: 'tryAgain' } }, effects: [] };
  if (frame.ref === 'transcript') {
    const transcript = frame.code === 'RATE_LIMITED' ? 'limited' : 'failed';
    return { state: { ...state, transcript }, effects: [] };
  }
  const entry = state.outbox.find((item) => item.clientMessageId === frame.ref);
  if (!entry) return { state, effects: [] }; // typing/draft before a conversation: nothing to do
  if (RESEND_CODES.has(frame.code))
    return {
      state,
      effects: [
        {
          type: 'resend-later',
          clientMessageId: entry.clientMessageId,
          delayMs: frame.retryAfterMs ?? 2_000,
        },
      ],
    };
  return { state: markFailed(state, entry.clientMessageId), effects: [] };
}
