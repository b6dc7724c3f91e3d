import type { MessageView, VisitorReceiptStatus } from '@hub/contracts';
import type { FrameRef, HeartbeatTarget } from '@hub/socket-kit';
import type { FileLinks } from '@hub/storage';
import { WebSocket } from 'ws';
import type { VisitorIdentity } from '../visitor-sessions/visitor-sessions.service';
import type { VisitorEvent } from './visitor-events';

export type SocketPhase = 'hello' | 'authenticating' | 'ready';

/** One `message.send` frame awaiting its `message.ack`. */
export interface PendingFrame {
  ref?: FrameRef;
  /** Its `message.accepted` went out (JetStream acked); its `message.ack` must not precede it. */
  accepted: boolean;
}

/**
 * The `message.send` frames of one clientMessageId waiting for its stored message. A resend
 * sent before the first is answered is not folded into it: each frame gets its own
 * `message.accepted` and `message.ack`, with its own ref.
 */
export interface PendingSend {
  since: number;
  frames: PendingFrame[];
  /** The stored message, when it arrived before some frame's JetStream ack did. */
  stored?: MessageView;
}

/** Throttle state of the visitor's draft stream, allocated only once it drafts. */
export interface DraftThrottle {
  lastSentAt: number;
  text?: string;
  timer?: NodeJS.Timeout;
}

/** The highest seq a receipt of one status covers, in one conversation. */
export interface ReceiptMark {
  conversationId: string;
  seq: number;
}

/**
 * Coalescing state of the visitor's receipts, allocated only once it sends one: what was
 * forwarded last, and what waits for the next slot.
 */
export interface ReceiptThrottle {
  lastSentAt: number;
  forwarded: Partial<Record<VisitorReceiptStatus, ReceiptMark>>;
  waiting: Partial<Record<VisitorReceiptStatus, ReceiptMark>>;
  timer?: NodeJS.Timeout;
}

/**
 * A visitor's WebSocket with its protocol state on the socket object itself: no wrapper, no
 * per-socket closures or timers (listeners are shared, the heartbeat is one sweep), so an idle
 * socket costs little more than ws's own.
 */
export class VisitorSocket extends WebSocket implements HeartbeatTarget {
  phase: SocketPhase = 'hello';
  /** Answered the last heartbeat ping, or sent a frame since. */
  alive = true;
  openedAt = 0;
  /** When the sweep pings it next; spread over the interval so pings never come in one burst. */
  nextPingAt = 0;
  visitor: VisitorIdentity | null = null;
  /** The visitor's current conversation, whose typing and queue position this socket gets. */
  followedConversationId: string | null = null;
  /** When routing last told this socket its queue position (a lookup older than that is stale). */
  positionAt = 0;
  /** The conversation this socket has been shown, and the last seq of it it has been sent. */
  conversationId: string | null = null;
  lastSeq = 0;
  pending: Map<string, PendingSend> | null = null;
  /** Realtime events held back (until `welcome`, or while missed messages are fetched). */
  held: VisitorEvent[] | null = null;
  draft: DraftThrottle | null = null;
  receipts: ReceiptThrottle | null = null;
  /** Signs the attachments of the messages this socket is sent (shared by every socket). */
  fileLinks: FileLinks | null = null;
  /** The origin the visitor reached this edge by: where its file links point. */
  linkOrigin = '';
}
