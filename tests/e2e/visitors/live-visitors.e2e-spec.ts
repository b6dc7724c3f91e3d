import { AgentRole } from '@hub/domain';
import { waitFor } from '@hub/testing';
import { Client } from 'pg';
import { AgentSocketClient, type Frame } from '../support/agent-socket-client';
import { GatewayApi } from '../support/gateway-api';
import { startHubSuite, type HubSuite } from '../support/hub-suite';
import { newSession, VisitorClient } from '../support/visitor-client';
import { createWorkspace, type WorkspaceFixture } from '../support/workspace-fixture';
import { BeaconClient, postBeacon, type BeaconAnswer } from './beacon-client';

const SERVICES = ['gateway', 'connector-web', 'conversation', 'crm', 'routing'] as const;
const XSS_TITLE = '<script>alert("t")</script><img src=x onerror=alert(1)>';
const XSS_URL = 'https://shop.example.com/search?q=<svg/onload=alert(1)>&r=javascript:alert(1)';

interface VisitorView {
  visitorId: string;
  currentUrl: string;
  currentTitle: string;
  pagesViewed: number;
  chatting: boolean;
  [key: string]: unknown;
}

describe('live visitors: beacons, the online list, trails and agent events', () => {
  let suite: HubSuite;
  let api: GatewayApi;
  let db: Client;
  let workspace: WorkspaceFixture;
  let token: string;
  let agent: AgentSocketClient;
  let ipSeq = 0;
  const sockets: VisitorClient[] = [];

  const web = () => suite.hub.service('connector-web').url;
  // Every visitor reports from an address of its own (X-Forwarded-For through the trusted loopback).
  const freshIp = () => `203.0.113.${++ipSeq}`;

  beforeAll(async () => {
    suite = await startHubSuite('visitors', SERVICES, {
      TRUST_PROXY: 'loopback',
      VISITOR_GONE_SECONDS: '3',
      VISITOR_SWEEP_MS: '500',
      BEACON_FLUSH_MS: '50',
      BEACONS_PER_VISITOR_PER_MINUTE: '30',
      BEACONS_PER_IP_PER_MINUTE: '40',
    });
    api = new GatewayApi(suite.hub.service('gateway').url);
    db = new Client({ connectionString: suite.database.url });
    await db.connect();
  }, 120_000);

  beforeEach(async () => {
    workspace = await createWorkspace(suite.database.url, { ada: AgentRole.Agent });
    const { ada } = workspace.agents;
    token = await api.login(workspace.slug, ada.email, ada.password);
    ({ client: agent } = await AgentSocketClient.connect(suite.hub.service('gateway').url, token));
  });

  afterEach(async () => {
    agent?.socket.close();
    await Promise.all(sockets.splice(0).map((socket) => socket.close()));
  });

  afterAll(async () => {
    await db?.end();
    await suite?.stop();
  });

  async function visitor(ip = freshIp()) {
    const session = await newSession(web(), workspace.inboxId);
    return { session, beacons: new BeaconClient(web(), session.token, ip) };
  }

  /** Keeps the visitor present (an open socket), as the widget does on every page. */
  async function connect(sessionToken: string): Promise<VisitorClient> {
    const { client } = await VisitorClient.greeted(web(), { token: sessionToken });
    sockets.push(client);
    return client;
  }

  async function online(): Promise<VisitorView[]> {
    const { status, body } = await api.call<VisitorView[]>('GET', '/api/v1/visitors/online', {
      token,
    });
    expect(status).toBe(200);
    return body;
  }

  async function onlineVisitor(
    visitorId: string,
    until: (view: VisitorView) => boolean = () => true,
  ): Promise<VisitorView> {
    let found: VisitorView | undefined;
    await waitFor(
      async () => {
        found = (await online()).find((view) => view.visitorId === visitorId);
        return found !== undefined && until(found);
      },
      15_000,
      () => `visitor ${visitorId} not as expected online: ${JSON.stringify(found)}`,
    );
    return found!;
  }

  const visitorEvent = (
    type: string,
    visitorId: string,
    extra: (f: Frame) => boolean = () => true,
  ) =>
    agent.waitFor(
      (f) =>
        f.type === type &&
        ((f.visitor as VisitorView | undefined)?.visitorId ?? f.visitorId) === visitorId &&
        extra(f),
      15_000,
      `${type} of ${visitorId}`,
    );

  it('shows a visitor from a search with keyword, place and browser, then their pages in order with time on each, then their leaving', async () => {
    const { session, beacons } = await visitor('8.8.8.8');
    const first = await beacons.view({
      url: 'https://shop.example.com/shoes',
      title: XSS_TITLE,
      referrer: 'https://www.google.co.jp/search?q=running+shoes&hl=ja',
    });

    const arrived = await visitorEvent('visitor.arrived', session.visitorId);
    const expected = {
      visitorId: session.visitorId,
      workspaceId: workspace.id,
      inboxId: workspace.inboxId,
      customerId: null,
      currentUrl: 'https://shop.example.com/shoes',
      currentTitle: XSS_TITLE,
      source: 'search',
      searchEngine: 'Google',
      searchKeyword: 'running shoes',
      referrer: 'https://www.google.co.jp/search?q=running+shoes&hl=ja',
      utm: { source: null, medium: null, campaign: null, term: null, content: null },
      country: 'US',
      city: 'Mountain View',
      browser: 'Chrome',
      os: 'Windows',
      device: 'desktop',
      firstVisit: true,
      visitCount: 1,
      pagesViewed: 1,
      conversationCount: 0,
      chatting: false,
    };
    expect(arrived.visitor).toMatchObject(expected);
    expect(await onlineVisitor(session.visitorId)).toMatchObject(expected);

    await beacons.leave(first, 4_200);
    await beacons.view({
      url: XSS_URL,
      title: 'Search',
      referrer: 'https://shop.example.com/shoes',
    });
    const updated = await visitorEvent(
      'visitor.updated',
      session.visitorId,
      (f) => (f.visitor as VisitorView).pagesViewed === 2,
    );
    // The visit keeps where it came from; only the page changes.
    expect(updated.visitor).toMatchObject({
      ...expected,
      currentUrl: XSS_URL,
      currentTitle: 'Search',
      pagesViewed: 2,
    });

    const trail = await fetch(`${api.baseUrl}/api/v1/visitors/${session.visitorId}/trail`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(trail.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await trail.json()) as { visitorId: string; pages: Record<string, unknown>[] };
    expect(body.pages).toEqual([
      expect.objectContaining({
        url: 'https://shop.example.com/shoes',
        title: XSS_TITLE,
        durationMs: 4200,
      }),
      expect.objectContaining({ url: XSS_URL, title: 'Search', durationMs: null }),
    ]);
    expect(body.pages[0].visitId).toBe(body.pages[1].visitId);
    expect(Date.parse(body.pages[0].viewedAt as string)).toBeLessThanOrEqual(
      Date.parse(body.pages[1].viewedAt as string),
    );

    // No page view and no socket for VISITOR_GONE_SECONDS: gone, once.
    await visitorEvent('visitor.left', session.visitorId);
    expect((await online()).some((view) => view.visitorId === session.visitorId)).toBe(false);
    expect(
      agent.frames.filter((f) => f.type === 'visitor.left' && f.visitorId === session.visitorId),
    ).toHaveLength(1);
  });

  it('stores a resent page view once, and keeps a visitor with an open socket online without beacons', async () => {
    const { session, beacons } = await visitor();
    const socket = await connect(session.token);
    const event = {
      type: 'view',
      pageViewId: '6f1c7a44-0b7e-4a3e-9d55-0f2b1d0a9c01',
      url: 'https://shop.example.com/?utm_source=newsletter&utm_medium=email&utm_campaign=spring',
      title: 'Home',
      referrer: '',
      at: new Date().toISOString(),
    };
    expect((await beacons.send([event])).status).toBe(204);
    expect((await beacons.send([event])).status).toBe(204);
    const view = await onlineVisitor(session.visitorId);
    expect(view).toMatchObject({
      source: 'campaign',
      utm: { source: 'newsletter', medium: 'email', campaign: 'spring', term: null, content: null },
      country: null,
      pagesViewed: 1,
    });
    // Well past VISITOR_GONE_SECONDS, the socket still holds the visitor on the site.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect((await online()).some((v) => v.visitorId === session.visitorId)).toBe(true);
    await socket.close();
    await visitorEvent('visitor.left', session.visitorId);
  });

  it('invites a visitor by REST: the widget gets the agent and message, accepting opens a conversation assigned to that agent', async () => {
    const { session, beacons } = await visitor();
    const socket = await connect(session.token);
    await beacons.view({ url: 'https://shop.example.com/cart', title: 'Cart' });
    await onlineVisitor(session.visitorId);

    const sent = await api.call<Record<string, unknown>>(
      'POST',
      `/api/v1/visitors/${session.visitorId}/invitations`,
      { token, body: { message: 'Need help with your cart? <b>hi</b>' } },
    );
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      visitorId: session.visitorId,
      agentId: workspace.agents.ada.id,
      message: 'Need help with your cart? <b>hi</b>',
      status: 'sent',
      conversationId: null,
    });
    const invitationId = sent.body.id as string;

    const shown = await socket.next((f) => f.type === 'invitation');
    expect(shown).toEqual({
      type: 'invitation',
      invitationId,
      agent: { id: workspace.agents.ada.id, name: 'ada', avatarUrl: null },
      message: 'Need help with your cart? <b>hi</b>',
      delaySeconds: 0,
    });

    socket.send({ type: 'invitation.accept', ref: 'a1', invitationId });
    const ack = await socket.next((f) => f.type === 'invitation.ack');
    expect(ack).toMatchObject({
      ref: 'a1',
      invitationId,
      conversationId: expect.any(String) as unknown,
    });
    const conversationId = ack.conversationId as string;

    const first = await socket.next((f) => f.type === 'message.created');
    expect(first.message).toMatchObject({
      conversationId,
      seq: 1,
      direction: 'outbound',
      senderType: 'agent',
      senderId: workspace.agents.ada.id,
      content: 'Need help with your cart? <b>hi</b>',
    });
    const conversation = await api.call<Record<string, unknown>>(
      'GET',
      `/api/v1/conversations/${conversationId}`,
      { token },
    );
    expect(conversation.body).toMatchObject({
      status: 'assigned',
      assigneeId: workspace.agents.ada.id,
    });

    const updated = await agent.waitFor((f) => f.type === 'invitation.updated');
    expect(updated.invitation).toMatchObject({
      id: invitationId,
      status: 'accepted',
      conversationId,
    });
    await visitorEvent(
      'visitor.chatting',
      session.visitorId,
      (f) => f.conversationId === conversationId,
    );
    expect((await onlineVisitor(session.visitorId, (v) => v.chatting)).conversationCount).toBe(1);

    // Accepting again changes nothing; inviting a chatting visitor is refused.
    socket.send({ type: 'invitation.accept', ref: 'a2', invitationId });
    expect(await socket.next((f) => f.type === 'invitation.ack' && f.ref === 'a2')).toMatchObject({
      conversationId,
    });
    const again = await api.call<Record<string, unknown>>(
      'POST',
      `/api/v1/visitors/${session.visitorId}/invitations`,
      { token, body: { message: 'Hello again' } },
    );
    expect(again).toMatchObject({ status: 409, body: { code: 'VISITOR_ALREADY_CHATTING' } });
  });

  it('invites over the agent socket; the visitor dismisses; a visitor not online cannot be invited', async () => {
    const { session, beacons } = await visitor();
    const socket = await connect(session.token);
    await beacons.view({ url: 'https://shop.example.com/', title: 'Home' });
    await onlineVisitor(session.visitorId);

    const ack = await agent.request({
      type: 'visitor.invite',
      visitorId: session.visitorId,
      message: 'Hi there',
    });
    expect(ack).toMatchObject({
      type: 'invitation.ack',
      invitation: { visitorId: session.visitorId, status: 'sent', message: 'Hi there' },
    });
    const invitationId = (ack.invitation as { id: string }).id;
    await socket.next((f) => f.type === 'invitation' && f.invitationId === invitationId);

    socket.send({ type: 'invitation.dismiss', ref: 'd1', invitationId });
    expect(await socket.next((f) => f.type === 'invitation.ack')).toEqual({
      type: 'invitation.ack',
      ref: 'd1',
      invitationId,
      conversationId: null,
    });
    const updated = await agent.waitFor((f) => f.type === 'invitation.updated');
    expect(updated.invitation).toMatchObject({ id: invitationId, status: 'dismissed' });
    // Dismissed: it can no longer be accepted.
    socket.send({ type: 'invitation.accept', ref: 'a1', invitationId });
    expect(await socket.next((f) => f.type === 'error' && f.ref === 'a1')).toMatchObject({
      code: 'INVITATION_NOT_FOUND',
    });

    const stranger = await newSession(web(), workspace.inboxId);
    const refused = await agent.request({
      type: 'visitor.invite',
      visitorId: stranger.visitorId,
      message: 'Hi',
    });
    expect(refused).toMatchObject({ type: 'error', code: 'VISITOR_NOT_ONLINE' });
    const invalid = await agent.request({ type: 'visitor.invite', visitorId: 'x', message: '' });
    expect(invalid).toMatchObject({ type: 'error', code: 'VALIDATION_FAILED' });
  });

  it('fires an auto-invite rule once per visit with its delay, never while the visitor chats, and accepting queues the conversation with the message from the bot', async () => {
    await db.query(`update conversation.inboxes set settings = $2 where id = $1`, [
      workspace.inboxId,
      JSON.stringify({
        widget: {
          autoInvite: [
            {
              id: 'pricing',
              message: { en: 'Questions about pricing?', ja: '料金についてご質問は?' },
              urlPattern: '/pricing*',
              secondsOnPage: 5,
            },
          ],
        },
      }),
    ]);
    const { session, beacons } = await visitor();
    const socket = await connect(session.token);
    await beacons.view({ url: 'https://shop.example.com/pricing', title: 'Pricing' });
    const invitation = await socket.next((f) => f.type === 'invitation');
    expect(invitation).toMatchObject({
      agent: null,
      message: 'Questions about pricing?',
      delaySeconds: 5,
    });

    await beacons.view({ url: 'https://shop.example.com/pricing/team', title: 'Team pricing' });
    await onlineVisitor(session.visitorId, (v) => v.pagesViewed === 2);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(socket.of('invitation')).toHaveLength(1);

    socket.send({ type: 'invitation.accept', ref: 'a', invitationId: invitation.invitationId });
    const ack = await socket.next((f) => f.type === 'invitation.ack');
    const first = await socket.next((f) => f.type === 'message.created');
    expect(first.message).toMatchObject({
      conversationId: ack.conversationId,
      senderType: 'bot',
      content: 'Questions about pricing?',
    });

    // Another visitor already chatting is never invited.
    const chatter = await visitor();
    const chatSocket = await connect(chatter.session.token);
    chatSocket.send({ type: 'message.send', ref: 'm', clientMessageId: 'm-1', content: 'hello' });
    await chatSocket.next((f) => f.type === 'message.ack');
    await chatter.beacons.view({ url: 'https://shop.example.com/pricing', title: 'Pricing' });
    await onlineVisitor(chatter.session.visitorId, (v) => v.chatting);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(chatSocket.of('invitation')).toHaveLength(0);
    const stored = await db.query(`select 1 from web.invitations where visitor_id = $1`, [
      chatter.session.visitorId,
    ]);
    expect(stored.rowCount).toBe(0);
  });

  it('refuses beacons past the per-visitor and per-IP limits with 429 and Retry-After, and malformed ones with the error shape', async () => {
    const { beacons } = await visitor();
    let refused: BeaconAnswer | undefined;
    for (let i = 0; i < 31 && !refused; i++) {
      const answer = await beacons.send([
        { type: 'leave', pageViewId: '6f1c7a44-0b7e-4a3e-9d55-0f2b1d0a9c01', durationMs: 1 },
      ]);
      if (answer.status === 429) refused = answer;
      else expect(answer.status).toBe(204);
    }
    expect(refused).toMatchObject({
      status: 429,
      body: { status: 429, code: 'RATE_LIMITED', retryAfterMs: expect.any(Number) as unknown },
    });
    expect(Number(refused?.retryAfter)).toBeGreaterThan(0);

    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 41; i++) {
      statuses.push((await postBeacon(web(), '{"token":"nobody","events":[]}', { ip })).status);
    }
    expect(statuses.slice(0, 40).every((status) => status === 400)).toBe(true);
    expect(statuses[40]).toBe(429);

    expect(await postBeacon(web(), 'not json', { ip: freshIp() })).toMatchObject({
      status: 400,
      body: { code: 'BEACON_MALFORMED' },
    });
    const invalid = await postBeacon(
      web(),
      JSON.stringify({ token: beacons.token, events: [{ type: 'view', pageViewId: 'x' }] }),
      { ip: freshIp() },
    );
    expect(invalid).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    const unknown = await postBeacon(
      web(),
      JSON.stringify({
        token: 'unknown-token',
        events: [
          { type: 'leave', pageViewId: '6f1c7a44-0b7e-4a3e-9d55-0f2b1d0a9c01', durationMs: 1 },
        ],
      }),
      { ip: freshIp() },
    );
    expect(unknown).toMatchObject({ status: 401, body: { code: 'INVALID_VISITOR_TOKEN' } });
  });
});
