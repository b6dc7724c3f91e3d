import { HubHttp } from '../api/hub-http';
import { FakeSocket } from '../connection/fake-socket.spec-support';
import { WidgetStore } from './widget-store';

const INBOX = 'inbox-1';
const C1 = '11111111-1111-4111-8111-111111111111';
const WELCOME = {
  type: 'welcome',
  visitorId: 'v1',
  conversationId: null,
  conversation: null,
  messages: [],
};

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
}

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A hub over HTTP: answers by path; what the test sets in `routes` wins. */
function fakeHub(routes: Record<string, () => Response> = {}) {
  const calls: Call[] = [];
  const respond = (url: string, init?: RequestInit): Response => {
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : init?.body;
    calls.push({
      url,
      method: init?.method ?? 'GET',
      headers: (init?.headers ?? {}) as Record<string, string>,
      body,
    });
    const path = new URL(url).pathname;
    const route = Object.entries(routes).find(([prefix]) => path.startsWith(prefix));
    if (route) return route[1]();
    if (path === '/api/v1/widget/sessions')
      return Response.json(
        { visitorId: 'v1', token: 'token-1', workspaceId: 'w', inboxId: INBOX },
        { status: 201 },
      );
    return Response.json({ status: 404, code: 'NOT_FOUND', message: 'no' }, { status: 404 });
  };
  const fetchFn = (input: string, init?: RequestInit) => Promise.resolve(respond(input, init));
  return { calls, http: new HubHttp('http://hub.test', fetchFn as typeof fetch) };
}

function widget(
  options: {
    storage?: MemoryStorage;
    routes?: Record<string, () => Response>;
    popupsBlocked?: boolean;
    page?: { visible: boolean };
  } = {},
) {
  const storage = options.storage ?? new MemoryStorage();
  const { calls, http } = fakeHub(options.routes);
  const sockets: FakeSocket[] = [];
  let ids = 0;
  const opened: string[] = [];
  const store = new WidgetStore({
    inboxId: INBOX,
    http,
    storage: storage as unknown as Storage,
    languages: ['ja-JP'],
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    openWindow: (url) => {
      opened.push(url);
      return !options.popupsBlocked;
    },
    uuid: () => `id-${(ids += 1)}`,
    now: () => new Date('2026-03-01T10:00:00Z'),
    random: () => 0.5,
    pageVisible: () => options.page?.visible ?? true,
  });
  const socket = () => sockets[sockets.length - 1];
  const goOnline = () => {
    socket().serverOpens();
    socket().serverSends(WELCOME);
  };
  return { store, storage, calls, sockets, socket, goOnline, opened };
}

describe('WidgetStore', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('creates a session once, keeps it, and reuses it on the next page', async () => {
    const first = widget();
    await first.store.start();
    expect(first.calls.filter((c) => c.url.endsWith('/sessions'))).toHaveLength(1);
    first.socket().serverOpens();
    expect(first.socket().url).toBe('ws://hub.test/ws/visitor');
    expect(first.socket().sent[0]).toEqual({ type: 'hello', token: 'token-1', lastSeq: 0 });
    first.store.stop();

    const next = widget({ storage: first.storage });
    await next.store.start();
    expect(next.calls.filter((c) => c.url.endsWith('/sessions'))).toHaveLength(0);
    next.store.stop();
  });

  it('asks again, with backoff, when the hub refuses the first session (rate limit)', async () => {
    let asked = 0;
    const { store, calls, socket } = widget({
      routes: {
        '/api/v1/widget/sessions': () =>
          (asked += 1) === 1
            ? Response.json({ status: 429, code: 'RATE_LIMITED', message: 'slow' }, { status: 429 })
            : Response.json({ visitorId: 'v1', token: 'token-1' }, { status: 201 }),
      },
    });
    const started = store.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(store.state.connection).toBe('reconnecting');
    await jest.advanceTimersByTimeAsync(500);
    await started;
    expect(calls.filter((c) => c.url.endsWith('/sessions'))).toHaveLength(2);
    socket().serverOpens();
    expect(socket().sent[0]).toMatchObject({ type: 'hello', token: 'token-1' });
    store.stop();
  });

  it('falls back to the default config when the hub has none, in the browser language', async () => {
    const { store } = widget();
    await store.start();
    expect(store.state.config.online).toBe(true);
    expect(store.state.locale).toBe('ja');
    store.stop();
  });

  it('keeps what is sent while offline and sends it once connected, with its clientMessageId', async () => {
    const { store, socket, goOnline } = widget();
    await store.start();
    store.setComposer('Do you ship to Osaka?');
    store.send();
    expect(store.state.outbox).toEqual([
      expect.objectContaining({ clientMessageId: 'id-1', state: 'sending' }),
    ]);
    expect(store.state.composer).toBe('');
    goOnline();
    expect(socket().sentOfType('message.send')).toEqual([
      {
        type: 'message.send',
        ref: 'id-1',
        clientMessageId: 'id-1',
        content: 'Do you ship to Osaka?',
      },
    ]);
    socket().serverSends({ type: 'message.accepted', ref: 'id-1', clientMessageId: 'id-1' });
    socket().serverSends({
      type: 'message.ack',
      ref: 'id-1',
      clientMessageId: 'id-1',
      messageId: 'm1',
      seq: 1,
      conversationId: C1,
    });
    expect(store.state.outbox).toEqual([]);
    expect(store.state.messages.map((m) => m.content)).toEqual(['Do you ship to Osaka?']);
    store.stop();
  });

  it('resends an unacknowledged message on the next page with the same clientMessageId', async () => {
    const first = widget();
    await first.store.start();
    first.goOnline();
    first.store.setComposer('kept across pages');
    first.store.send();
    first.socket().serverSends({ type: 'message.accepted', ref: 'id-1', clientMessageId: 'id-1' });
    first.store.stop(); // the visitor follows a link before the ack

    const next = widget({ storage: first.storage });
    await next.store.start();
    expect(next.store.state.outbox).toEqual([
      expect.objectContaining({ clientMessageId: 'id-1', content: 'kept across pages' }),
    ]);
    next.goOnline();
    expect(next.socket().sentOfType('message.send')).toEqual([
      expect.objectContaining({ clientMessageId: 'id-1', content: 'kept across pages' }),
    ]);
    next.store.stop();
  });

  it('resends a message with no ack after 10 s, and retries a failed one under a new id', async () => {
    const { store, socket, goOnline } = widget();
    await store.start();
    goOnline();
    store.setComposer('hello');
    store.send();
    jest.advanceTimersByTime(15_000);
    expect(
      socket()
        .sentOfType('message.send')
        .map((f) => f.clientMessageId),
    ).toEqual(['id-1', 'id-1']);
    socket().serverSends({
      type: 'message.failed',
      clientMessageId: 'id-1',
      code: 'MESSAGE_NOT_STORED',
    });
    expect(store.state.outbox[0].state).toBe('failed');
    store.retry('id-1');
    expect(store.state.outbox).toEqual([
      expect.objectContaining({ clientMessageId: 'id-2', content: 'hello', state: 'sending' }),
    ]);
    expect(socket().sentOfType('message.send').at(-1)).toMatchObject({ clientMessageId: 'id-2' });
    store.stop();
  });

  it('opens a pushed link, or offers "Open link" when the pop-up is blocked; and tells Hub listeners', async () => {
    const { store, socket, goOnline, opened } = widget({ popupsBlocked: true });
    const heard: unknown[] = [];
    store.on('message', (message) => heard.push(message?.content));
    await store.start();
    goOnline();
    socket().serverSends({
      type: 'message.created',
      message: {
        id: 'm5',
        conversationId: C1,
        seq: 1,
        direction: 'outbound',
        senderType: 'agent',
        content: 'https://shop.example/sale',
        contentType: 'link',
        createdAt: '2026-03-01T10:00:00Z',
      },
    });
    expect(opened).toEqual(['https://shop.example/sale']);
    expect(store.state.blockedLinks).toEqual(['m5']);
    expect(heard).toEqual(['https://shop.example/sale']);
    store.stop();
  });

  it('checks a file against the inbox limits before uploading, then sends it by fileId', async () => {
    const attachment = {
      fileId: 'f1',
      name: 'shot.png',
      size: 3,
      mimeType: 'image/png',
      url: 'http://hub.test/files/f1?x',
    };
    const { store, calls, socket, goOnline } = widget({
      routes: { '/api/v1/widget/uploads': () => Response.json(attachment, { status: 201 }) },
    });
    await store.start();
    goOnline();
    await store.upload([
      new File([new Uint8Array(11 * 1024 * 1024)], 'huge.png', { type: 'image/png' }),
    ]);
    expect(store.state.notice).toMatchObject({ key: 'fileTooLarge', params: { name: 'huge.png' } });
    await store.upload([new File(['MZ'], 'setup.exe', { type: 'application/x-msdownload' })]);
    expect(store.state.notice).toMatchObject({ key: 'fileTypeNotAllowed' });
    expect(calls.filter((c) => c.url.includes('/uploads'))).toHaveLength(0);

    await store.upload([new File(['png'], 'shot.png', { type: 'image/png' })]);
    const upload = calls.find((c) => c.url.endsWith('/api/v1/widget/uploads'));
    expect(upload?.headers.Authorization).toBe('Bearer token-1');
    expect((upload?.body as FormData).get('file')).toBeInstanceOf(File);
    expect(socket().sentOfType('message.send')).toEqual([
      { type: 'message.send', ref: 'id-1', clientMessageId: 'id-1', content: '', fileId: 'f1' },
    ]);
    store.stop();
  });

  it('posts pre-chat answers to the profile endpoint and keeps them locally when the hub has none', async () => {
    const { store, calls } = widget();
    await store.start();
    await store.submitPreChat({ name: 'Hanako', email: 'hanako@example.jp' });
    expect(calls.find((c) => c.url.endsWith('/api/v1/widget/profile'))?.body).toEqual({
      token: 'token-1',
      name: 'Hanako',
      email: 'hanako@example.jp',
    });
    expect(store.state).toMatchObject({
      preChatDone: true,
      profile: { name: 'Hanako', email: 'hanako@example.jp' },
    });
    store.stop();
  });

  it('posts a left message with the chosen department and confirms it', async () => {
    const { store, calls } = widget({
      routes: {
        '/api/v1/widget/config': () =>
          Response.json({
            online: false,
            departments: [
              { id: 'd1', name: 'Sales', online: false },
              { id: 'd2', name: 'Support', online: false },
            ],
          }),
        '/api/v1/widget/offline-messages': () => Response.json({ ticketId: 't1' }, { status: 201 }),
      },
    });
    await store.start();
    store.chooseDepartment('d2');
    await store.submitOffline({ name: 'Li', email: 'li@example.cn', message: 'Call me' });
    expect(calls.find((c) => c.url.endsWith('/offline-messages'))?.body).toEqual({
      token: 'token-1',
      name: 'Li',
      email: 'li@example.cn',
      message: 'Call me',
      departmentId: 'd2',
    });
    expect(store.state.offline).toBe('sent');
    store.stop();
  });

  it('rates a resolved conversation over the socket', async () => {
    const { store, socket, goOnline } = widget();
    await store.start();
    goOnline();
    socket().serverSends({
      type: 'conversation.updated',
      conversation: {
        id: C1,
        status: 'resolved',
        assigneeId: 'a1',
        departmentId: null,
        lastSeq: 3,
        csat: null,
      },
    });
    store.submitCsat(5, '  Great help ');
    expect(socket().sentOfType('csat.submit')).toEqual([
      { type: 'csat.submit', ref: 'csat', conversationId: C1, rating: 5, comment: 'Great help' },
    ]);
    socket().serverSends({ type: 'csat.ack', ref: 'csat', conversationId: C1 });
    expect(store.state.csat).toBe('thanks');
    store.stop();
  });

  it('shows an invitation after its delay; accepting it answers the hub and opens the chat', async () => {
    const { store, socket, goOnline } = widget();
    await store.start();
    goOnline();
    socket().serverSends({
      type: 'invitation',
      invitationId: 'i1',
      agent: null,
      message: 'Need help?',
      delaySeconds: 3,
    });
    jest.advanceTimersByTime(2_999);
    expect(store.state.invitation).toBeNull();
    jest.advanceTimersByTime(1);
    expect(store.state.invitation?.message).toBe('Need help?');
    store.answerInvitation(true);
    expect(socket().sentOfType('invitation.accept')).toEqual([
      { type: 'invitation.accept', ref: 'invitation', invitationId: 'i1' },
    ]);
    expect(store.state).toMatchObject({
      open: true,
      invitation: null,
      dismissedInvitations: ['i1'],
    });
    store.stop();
  });

  it('sends identify with the visitor token', async () => {
    const { store, calls } = widget({
      routes: { '/api/v1/widget/identify': () => new Response(null, { status: 204 }) },
    });
    await store.identify({ id: 'u-42', name: 'Kim', hash: 'abc' });
    expect(calls.find((c) => c.url.endsWith('/identify'))?.body).toEqual({
      token: 'token-1',
      id: 'u-42',
      name: 'Kim',
      hash: 'abc',
    });
  });

  describe('receipts', () => {
    const message = (seq: number, senderType: 'customer' | 'agent') => ({
      type: 'message.created',
      message: {
        id: `m${seq}`,
        conversationId: C1,
        seq,
        direction: senderType === 'customer' ? 'inbound' : 'outbound',
        senderType,
        content: `message ${seq}`,
        contentType: 'text',
        createdAt: '2026-03-01T10:00:00Z',
      },
    });
    const receipts = (sent: Record<string, unknown>[]) =>
      sent.filter((frame) => frame.type === 'message.receipt');

    it('says delivered for agent messages, once, after a burst; read when the panel is opened; never for the visitor’s own', async () => {
      const { store, socket, goOnline } = widget();
      await store.start();
      goOnline();
      socket().serverSends(message(1, 'customer'));
      await jest.advanceTimersByTimeAsync(1_000);
      socket().serverSends(message(2, 'agent'));
      socket().serverSends(message(3, 'agent'));
      socket().serverSends(message(4, 'customer'));
      await jest.advanceTimersByTimeAsync(1_000);
      store.setOpen(true);
      await jest.advanceTimersByTimeAsync(1_000);
      store.setOpen(false);
      store.setOpen(true);
      await jest.advanceTimersByTimeAsync(1_000);

      expect(receipts(socket().sent)).toEqual([
        { type: 'message.receipt', conversationId: C1, seq: 3, status: 'delivered' },
        { type: 'message.receipt', conversationId: C1, seq: 3, status: 'read' },
      ]);
      store.stop();
    });

    it('says only delivered while the page is hidden, read once it is shown, and again on a new socket', async () => {
      const page = { visible: false };
      const { store, socket, goOnline } = widget({ page });
      await store.start();
      store.setOpen(true);
      goOnline();
      socket().serverSends(message(2, 'agent'));
      await jest.advanceTimersByTimeAsync(1_000);
      const first = socket();
      page.visible = true;
      store.pageVisibilityChanged();
      await jest.advanceTimersByTimeAsync(1_000);
      first.serverCloses(1006);
      await jest.advanceTimersByTimeAsync(60_000);
      goOnline();
      socket().serverSends(message(2, 'agent'));
      await jest.advanceTimersByTimeAsync(1_000);

      expect(receipts(first.sent)).toEqual([
        { type: 'message.receipt', conversationId: C1, seq: 2, status: 'delivered' },
        { type: 'message.receipt', conversationId: C1, seq: 2, status: 'read' },
      ]);
      expect(socket()).not.toBe(first);
      expect(receipts(socket().sent)).toEqual([
        { type: 'message.receipt', conversationId: C1, seq: 2, status: 'read' },
      ]);
      store.stop();
    });
  });
});
