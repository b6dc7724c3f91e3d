import type { MessageView } from '../../api/types';

// Frames and panel changes come in bursts (a resume brings many messages at once): one receipt
// after the burst says it all.
const RECEIPT_DELAY_MS = 500;

/** What the reporter reads of the widget at the moment it reports. */
export interface ReceiptView {
  conversationId: string | null;
  messages: readonly MessageView[];
  /** The chat panel is open (not minimised to the launcher). */
  open: boolean;
  /** Welcomed on a live socket: the hub can take a receipt. */
  online: boolean;
}

export interface ReceiptReporterOptions {
  /** Sends a frame; false when the socket could not take it. */
  send: (frame: Record<string, unknown>) => boolean;
  view: () => ReceiptView;
  /** The page is shown (`document.visibilityState === 'visible'`). */
  pageVisible: () => boolean;
  delayMs?: number;
}

/**
 * Tells the hub what became of the agent's messages: `delivered` once they reached this widget,
 * `read` once they were on screen (panel open in a visible page). A watermark, debounced: one
 * `message.receipt` with the highest agent seq, sent only when it says something new. The
 * visitor's own messages never count.
 */
export class ReceiptReporter {
  private reported = { conversationId: null as string | null, delivered: 0, read: 0 };
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: ReceiptReporterOptions) {}

  /** Something changed (a frame, the panel, the page's visibility): report it shortly. */
  changed(): void {
    if (this.timer !== undefined || this.receipt() === null) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.report();
    }, this.options.delayMs ?? RECEIPT_DELAY_MS);
  }

  /** A new socket: the hub may have lost what the old one carried, so it is said again. */
  reconnected(): void {
    this.reported = { conversationId: null, delivered: 0, read: 0 };
    this.changed();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private report(): void {
    const receipt = this.receipt();
    if (!receipt || !this.options.send({ type: 'message.receipt', ...receipt })) return;
    const { conversationId, seq, status } = receipt;
    const reported =
      this.reported.conversationId === conversationId
        ? this.reported
        : { conversationId, delivered: 0, read: 0 };
    // Read implies delivered.
    this.reported = {
      conversationId,
      delivered: Math.max(reported.delivered, seq),
      read: status === 'read' ? seq : reported.read,
    };
  }

  /** The receipt that would say something new now, or null. */
  private receipt(): { conversationId: string; seq: number; status: 'delivered' | 'read' } | null {
    const view = this.options.view();
    if (!view.online || !view.conversationId) return null;
    const seq = lastAgentSeq(view.messages);
    const same = this.reported.conversationId === view.conversationId;
    const shown = view.open && this.options.pageVisible();
    if (shown && seq > (same ? this.reported.read : 0)) {
      return { conversationId: view.conversationId, seq, status: 'read' };
    }
    if (seq > (same ? this.reported.delivered : 0)) {
      return { conversationId: view.conversationId, seq, status: 'delivered' };
    }
    return null;
  }
}

/** The highest seq of a message not the visitor's own; 0 when there is none. */
function lastAgentSeq(messages: readonly MessageView[]): number {
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    if (messages[i].senderType !== 'customer') return messages[i].seq;
  }
  return 0;
}
