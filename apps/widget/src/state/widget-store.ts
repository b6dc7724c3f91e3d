import { completeConfig, type HubHttp, type Identity } from '../api/hub-http';
import type { Invitation, MessageView, ServerFrame } from '../api/types';
import { reconnectDelayMs } from '../connection/backoff';
import { type SocketLike, VisitorConnection } from '../connection/visitor-connection';
import { ReceiptReporter } from '../features/chat/receipt-reporter';
import { TypingSignals } from '../features/chat/typing-signals';
import { checkFile } from '../features/uploads/check-file';
import { detectLocale, formatBytes, localeForTag } from '../i18n/locale';
import { LOCALES } from '../i18n/catalogues';
import { applyFrame, type FrameEffect } from './apply-frame';
import { OutboxSender } from './outbox-sender';
import {
  loadPersistedState,
  savePersistedState,
  type OutboxEntry,
  type Profile,
} from './persisted-state';
import {
  chosenDepartment,
  DEFAULT_CONFIG,
  initialState,
  isChatting,
  persistedPart,
  type WidgetState,
} from './widget-state';

/** The browser around the widget; tests pass their own. */
export interface WidgetEnvironment {
  inboxId: string;
  http: HubHttp;
  storage: Storage | null;
  languages: readonly string[];
  createSocket: (url: string) => SocketLike;
  /** window.open: returns null when the browser blocks the pop-up. */
  openWindow: (url: string) => boolean;
  uuid: () => string;
  now: () => Date;
  random?: () => number;
  /** Whether the page is shown (`document.visibilityState`); a page nobody sees reads nothing. */
  pageVisible: () => boolean;
}

export type HubEvent = 'message' | 'open' | 'close';
type Listener = (payload?: MessageView) => void;

/** The widget's state and everything that changes it: socket frames, the visitor, `Hub(...)`. */
export class WidgetStore {
  private current: WidgetState;
  private readonly subscribers = new Set<() => void>();
  private readonly listeners: Record<HubEvent, Listener[]> = { message: [], open: [], close: [] };
  private readonly connection: VisitorConnection;
  private readonly typing: TypingSignals;
  private readonly sender: OutboxSender;
  private readonly receipts: ReceiptReporter;
  private session: Promise<string> | null = null;

  constructor(private readonly env: WidgetEnvironment) {
    const saved = loadPersistedState(env.storage, env.inboxId);
    this.current = initialState(saved, {
      config: { ...DEFAULT_CONFIG, inboxId: env.inboxId },
      locale: saved.chosenLocale ?? detectLocale(env.languages, LOCALES),
    });
    this.connection = new VisitorConnection({
      url: env.http.socketUrl,
      createSocket: env.createSocket,
      hello: () => this.hello(),
      onFrame: (frame) => this.receive(frame),
      onState: (connection) => {
        if (connection === 'online') this.receipts.reconnected();
        this.update({ connection });
      },
      renewSession: () => this.renewSession(),
      random: env.random,
    });
    this.typing = new TypingSignals({
      send: (frame) => this.connection.send(frame),
      hasConversation: () => this.current.conversationId !== null,
      previewDrafts: () => this.current.config.typingPreview,
    });
    this.sender = new OutboxSender(
      (frame) => this.connection.send(frame),
      () => this.current.outbox,
    );
    this.receipts = new ReceiptReporter({
      send: (frame) => this.connection.send(frame),
      view: () => ({ ...this.current, online: this.current.connection === 'online' }),
      pageVisible: env.pageVisible,
    });
  }

  get state(): WidgetState {
    return this.current;
  }

  subscribe(subscriber: () => void): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  on(event: HubEvent, listener: Listener): void {
    this.listeners[event]?.push(listener);
  }

  /** Config and session in parallel, then the socket; page views once the visitor is known. */
  async start(): Promise<void> {
    const config = this.env.http.config(this.env.inboxId).then(
      (received) => {
        const merged = completeConfig(received, this.current.config, LOCALES);
        const locale =
          this.current.chosenLocale ??
          detectLocale(this.env.languages, merged.locales, merged.defaultLocale);
        this.update({ config: merged, locale });
      },
      // Without its config (an older hub) the widget still chats, with the defaults.
      () => undefined,
    );
    await this.firstSession();
    this.connection.start();
    this.sender.start();
    await config;
  }

  stop(): void {
    this.connection.stop();
    this.sender.stop();
    this.receipts.stop();
  }

  /** The page was shown or hidden: messages on an open panel are read once it is shown. */
  pageVisibilityChanged(): void {
    this.receipts.changed();
  }

  retryConnectionNow(): void {
    this.connection.retryNow();
  }

  connectionLost(): void {
    this.connection.networkLost();
  }

  /** The token at boot: a hub that refuses (429) or cannot be reached is asked again, with backoff. */
  private async firstSession(): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await this.token();
        return;
      } catch (_unavailable) {
        this.update({ connection: 'reconnecting' });
        await new Promise((resolve) =>
          setTimeout(resolve, reconnectDelayMs(attempt, this.env.random)),
        );
      }
    }
  }

  /** The visitor's token, creating a session first when there is none. */
  token(): Promise<string> {
    if (this.current.token) return Promise.resolve(this.current.token);
    this.session ??= this.env.http.session(this.env.inboxId, {}).then(
      ({ visitorId, token }) => {
        this.update({ visitorId, token });
        return token;
      },
      (error: unknown) => {
        this.session = null;
        throw error;
      },
    );
    return this.session;
  }

  setOpen(open: boolean): void {
    if (open === this.current.open) return;
    this.update({
      open,
      readSeq: open ? Math.max(this.current.readSeq, this.current.lastSeq) : this.current.readSeq,
    });
    for (const listener of this.listeners[open ? 'open' : 'close']) listener();
  }

  setLocale(requested: string): void {
    const locale = localeForTag(requested);
    if (locale) this.update({ locale, chosenLocale: locale });
  }

  chooseDepartment(departmentId: string): void {
    this.update({ departmentId });
  }

  setComposer(text: string): void {
    this.update({ composer: text });
    this.typing.changed(text);
  }

  dismissNotice(): void {
    this.update({ notice: null });
  }

  send(): void {
    const content = this.current.composer.trim();
    if (content === '') return;
    this.typing.sent();
    this.enqueue({ content });
    this.update({ composer: '' });
  }

  /** A failed message goes again as a new message: its old clientMessageId is spent. */
  retry(clientMessageId: string): void {
    const entry = this.current.outbox.find((item) => item.clientMessageId === clientMessageId);
    if (!entry) return;
    this.update({ outbox: this.current.outbox.filter((item) => item !== entry) });
    this.enqueue({ content: entry.content, fileId: entry.fileId, attachment: entry.attachment });
  }

  async upload(files: readonly File[]): Promise<void> {
    for (const file of files) {
      const problem = checkFile(file, this.current.config.uploads);
      if (problem !== 'ok') {
        const max = formatBytes(this.current.locale, this.current.config.uploads.maxBytes);
        this.update({ notice: { key: problem, params: { name: file.name, max } } });
        continue;
      }
      this.update({ uploads: [...this.current.uploads, file.name], notice: null });
      try {
        const attachment = await this.env.http.upload(await this.token(), file);
        this.enqueue({ content: '', fileId: attachment.fileId, attachment });
      } catch (_refused) {
        this.update({ notice: { key: 'uploadFailed', params: { name: file.name } } });
      } finally {
        this.update({ uploads: this.current.uploads.filter((name) => name !== file.name) });
      }
    }
  }

  /** Pre-chat answers go to the visitor's profile; kept locally too (they prefill forms). */
  async submitPreChat(profile: Profile): Promise<void> {
    this.update({ profile, preChatDone: true });
    try {
      await this.env.http.profile(await this.token(), profile);
    } catch (_notAvailable) {
      // The profile endpoint is optional on the hub: the answers stay in this browser only.
    }
  }

  async submitOffline(form: { name: string; email: string; message: string }): Promise<void> {
    this.update({
      offline: 'sending',
      profile: { ...this.current.profile, name: form.name, email: form.email },
    });
    try {
      const departmentId = chosenDepartment(this.current)?.id;
      await this.env.http.offlineMessage(await this.token(), {
        ...form,
        ...(departmentId ? { departmentId } : {}),
      });
      this.update({ offline: 'sent' });
    } catch (_refused) {
      this.update({ offline: 'failed' });
    }
  }

  submitCsat(rating: number, comment: string): void {
    const conversationId = this.current.conversation?.id;
    if (!conversationId) return;
    const frame = {
      type: 'csat.submit',
      ref: 'csat',
      conversationId,
      rating,
      ...(comment.trim() ? { comment: comment.trim() } : {}),
    };
    this.update({ csat: this.connection.send(frame) ? 'sending' : 'idle' });
  }

  /** Asks for this conversation's transcript by mail, in the widget's language. */
  requestTranscript(email: string): void {
    const conversationId = this.current.conversation?.id;
    if (!conversationId) return;
    const frame = {
      type: 'transcript.request',
      ref: 'transcript',
      conversationId,
      email: email.trim(),
      language: this.current.locale,
    };
    this.update({ transcript: this.connection.send(frame) ? 'sending' : 'failed' });
  }

  answerInvitation(accept: boolean): void {
    const invitation = this.current.invitation;
    if (!invitation) return;
    const type = accept ? 'invitation.accept' : 'invitation.dismiss';
    this.connection.send({ type, ref: 'invitation', invitationId: invitation.invitationId });
    this.update({
      invitation: null,
      dismissedInvitations: [...this.current.dismissedInvitations, invitation.invitationId],
    });
    if (accept) this.setOpen(true);
  }

  async identify(identity: Identity): Promise<void> {
    await this.env.http.identify(await this.token(), identity);
  }

  private enqueue(message: Pick<OutboxEntry, 'content' | 'fileId' | 'attachment'>): void {
    // The department only matters to the message that opens a conversation.
    const departmentId = isChatting(this.current) ? undefined : chosenDepartment(this.current)?.id;
    const entry: OutboxEntry = {
      ...message,
      clientMessageId: this.env.uuid(),
      state: 'sending',
      createdAt: this.env.now().toISOString(),
      ...(departmentId ? { departmentId } : {}),
    };
    this.update({ outbox: [...this.current.outbox, entry] });
    this.sender.transmit(entry);
  }

  private hello(): Record<string, unknown> {
    const { token, conversationId, lastSeq } = this.current;
    // A fresh page holds no messages (lastSeq 0): the hub sends the whole conversation.
    return { type: 'hello', token, lastSeq, ...(conversationId ? { conversationId } : {}) };
  }

  private async renewSession(): Promise<void> {
    const { visitorId, token } = this.current;
    const session = await this.env.http.session(this.env.inboxId, {
      visitorId: visitorId ?? undefined,
      token: token ?? undefined,
    });
    const sameVisitor = session.visitorId === visitorId;
    this.update({
      visitorId: session.visitorId,
      token: session.token,
      ...(sameVisitor
        ? {}
        : {
            conversationId: null,
            conversation: null,
            messages: [],
            lastSeq: 0,
            historySeq: 0,
            readSeq: 0,
          }),
    });
  }

  private receive(frame: ServerFrame): void {
    const { state, effects } = applyFrame(this.current, frame, this.env.now());
    this.replace(state);
    for (const effect of effects) this.perform(effect);
  }

  private perform(effect: FrameEffect): void {
    switch (effect.type) {
      case 'flush-outbox':
        this.sender.flush();
        return;
      case 'resend-later':
        this.sender.resendLater(effect.clientMessageId, effect.delayMs);
        return;
      case 'live-message':
        for (const listener of this.listeners.message) listener(effect.message);
        return;
      case 'open-link':
        if (!this.env.openWindow(effect.url))
          this.update({ blockedLinks: [...this.current.blockedLinks, effect.messageId] });
        return;
      case 'invitation':
        this.showInvitationLater(effect.invitation);
        return;
    }
  }

  private showInvitationLater(invitation: Invitation): void {
    setTimeout(
      () => {
        const dismissed = this.current.dismissedInvitations.includes(invitation.invitationId);
        if (!dismissed && !isChatting(this.current)) this.update({ invitation });
      },
      Math.max(0, invitation.delaySeconds) * 1000,
    );
  }

  private update(patch: Partial<WidgetState>): void {
    this.replace({ ...this.current, ...patch });
  }

  private replace(next: WidgetState): void {
    this.current = next;
    savePersistedState(this.env.storage, this.env.inboxId, persistedPart(next));
    for (const subscriber of this.subscribers) subscriber();
    this.receipts.changed();
  }
}
