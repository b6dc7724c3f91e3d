/** What the customer is typing in one conversation (drafts and typing frames); never stored. */
export interface CustomerTyping {
  isTyping: boolean;
  draft: string;
}

type Listener = () => void;

/** Per-conversation ephemeral state fed by the socket's `typing` and `draft` frames. */
export class TypingStore {
  private readonly state = new Map<string, CustomerTyping>();
  private readonly listeners = new Set<Listener>();

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get(conversationId: string): CustomerTyping | undefined {
    return this.state.get(conversationId);
  }

  typing(conversationId: string, isTyping: boolean): void {
    const current = this.state.get(conversationId) ?? { isTyping: false, draft: '' };
    // Stopping typing without sending leaves no draft worth showing.
    this.set(conversationId, { isTyping, draft: isTyping ? current.draft : '' });
  }

  draft(conversationId: string, text: string): void {
    this.set(conversationId, { isTyping: text.length > 0, draft: text });
  }

  /** The customer's message arrived: what they were typing is now in the transcript. */
  sent(conversationId: string): void {
    this.set(conversationId, { isTyping: false, draft: '' });
  }

  private set(conversationId: string, value: CustomerTyping): void {
    this.state.set(conversationId, value);
    this.listeners.forEach((listener) => listener());
  }
}
