import type { MessageView } from '@hub/contracts';
import { WebSocket } from 'ws';
import type { FrameRef } from './frames/client-frames';
import type { VisitorEntry } from './visitor-registry';
import type { VisitorEvent } from './visitor-events';

export type SocketPhase = 'hello' | 'authenticating' | 'ready';

/** A `message.send` waiting for its stored message (then answered with `message.ack`). */
export interface PendingSend {
  ref?: FrameRef;
  since: number;
  /** `message.accepted` went out (JetStream acked); `message.ack` must not precede it. */
  accepted: boolean;
  /** The stored message, when it arrived before the JetStream ack did. */
  stored?: MessageView;
}

/** Throttle state of the visitor's draft stream, allocated only once it drafts. */
export interface DraftThrottle {
  lastSentAt: number;
  text?: string;
  timer?: NodeJS.Timeout;
}

/**
 * A visitor's WebSocket with its protocol state on the socket object itself: no wrapper, no
 * per-socket closures or timers (listeners are shared, the heartbeat is one sweep), so an idle
 * socket costs little more than ws's own.
 */
export class VisitorSocket extends WebSocket {
  phase: SocketPhase = 'hello';
  /** Answered the last heartbeat ping. */
  alive = true;
  openedAt = 0;
  /** When the sweep pings it next; spread over the interval so pings never come in one burst. */
  nextPingAt = 0;
  visitor: VisitorEntry | null = null;
  /** The conversation this socket has been shown, and the last seq of it it has been sent. */
  conversationId: string | null = null;
  lastSeq = 0;
  pending: Map<string, PendingSend> | null = null;
  /** Realtime events held back (until `welcome`, or while missed messages are fetched). */
  held: VisitorEvent[] | null = null;
  draft: DraftThrottle | null = null;
}
