import { maskCardNumbers } from '@hub/text-safety';

const TYPING_REPEAT_MS = 3_000;
const TYPING_IDLE_MS = 6_000;
const DRAFT_DEBOUNCE_MS = 100;
const DRAFT_MAX_LENGTH = 2_000;

export interface TypingSignalsOptions {
  send: (frame: Record<string, unknown>) => void;
  /** Whether there is a conversation: the hub refuses typing and drafts before one. */
  hasConversation: () => boolean;
  /** Whether the agent may see drafts (the inbox's typing preview). */
  previewDrafts: () => boolean;
  now?: () => number;
}

/**
 * The composer's signals to the agent: `typing` true at most every 3 s while the visitor types and
 * false on send, clear or a pause; with typing preview on, the draft itself, debounced and with
 * card numbers masked before it leaves the browser.
 */
export class TypingSignals {
  private typingSentAt: number | null = null;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private draftTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly now: () => number;

  constructor(private readonly options: TypingSignalsOptions) {
    this.now = options.now ?? Date.now;
  }

  changed(text: string): void {
    if (!this.options.hasConversation()) return;
    if (text.trim() === '') {
      this.stop();
      this.scheduleDraft('');
      return;
    }
    const now = this.now();
    if (this.typingSentAt === null || now - this.typingSentAt >= TYPING_REPEAT_MS) {
      this.typingSentAt = now;
      this.options.send({ type: 'typing', isTyping: true });
    }
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.stop(), TYPING_IDLE_MS);
    this.scheduleDraft(text);
  }

  /** The message went out: typing stops and the draft is gone. */
  sent(): void {
    this.stop();
    clearTimeout(this.draftTimer);
  }

  private stop(): void {
    clearTimeout(this.idleTimer);
    if (this.typingSentAt === null) return;
    this.typingSentAt = null;
    this.options.send({ type: 'typing', isTyping: false });
  }

  private scheduleDraft(text: string): void {
    if (!this.options.previewDrafts()) return;
    clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(
      () =>
        this.options.send({
          type: 'draft',
          text: maskCardNumbers(text).slice(0, DRAFT_MAX_LENGTH),
        }),
      DRAFT_DEBOUNCE_MS,
    );
  }
}
