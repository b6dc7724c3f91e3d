import type { LiveFiguresView } from '@hub/contracts';
import { AgentRole } from '@hub/domain';
import { waitFor } from '@hub/testing';
import { AgentSocketClient } from '../support/agent-socket-client';
import { GatewayApi } from '../support/gateway-api';
import { startHubSuite, type HubSuite } from '../support/hub-suite';
import { newSession, VisitorClient } from '../support/visitor-client';
import { createWorkspace, type WorkspaceFixture } from '../support/workspace-fixture';
import { BeaconClient } from '../visitors/beacon-client';
import { ENGAGE_SERVICES } from './engage-fixture';

describe('a chat opened by an agent’s invitation, taken over by a supervisor', () => {
  let suite: HubSuite;
  let api: GatewayApi;
  let workspace: WorkspaceFixture;
  let adaToken: string;
  let samToken: string;
  const closers: (() => unknown)[] = [];

  beforeAll(async () => {
    suite = await startHubSuite('engage_invited', ENGAGE_SERVICES, { TRUST_PROXY: 'loopback' });
    api = new GatewayApi(suite.hub.service('gateway').url);
  });

  beforeEach(async () => {
    workspace = await createWorkspace(suite.database.url, {
      ada: AgentRole.Agent,
      sam: AgentRole.Supervisor,
    });
    const { ada, sam } = workspace.agents;
    adaToken = await api.login(workspace.slug, ada.email, ada.password);
    samToken = await api.login(workspace.slug, sam.email, sam.password);
    // Both online: their agent sockets are open.
    for (const token of [adaToken, samToken]) {
      const { client } = await AgentSocketClient.connect(api.baseUrl, token);
      closers.push(() => client.close());
    }
  });

  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
  });

  afterAll(async () => {
    await suite?.stop();
  });

  const web = () => suite.hub.service('connector-web').url;

  async function loads(): Promise<Record<string, number>> {
    const live = await api.call<LiveFiguresView>('GET', '/api/v1/reports/live', {
      token: samToken,
    });
    expect(live.status).toBe(200);
    return Object.fromEntries(live.body.agents.map((a) => [a.agentId, a.activeChats]));
  }

  async function loadsBecome(expected: Record<string, number>): Promise<void> {
    let seen: Record<string, number> = {};
    await waitFor(
      async () => {
        seen = await loads();
        return Object.entries(expected).every(([id, n]) => seen[id] === n);
      },
      15_000,
      () => `loads ${JSON.stringify(seen)}, expected ${JSON.stringify(expected)}`,
    );
  }

  /** Ada invites a visitor on the site, who accepts: the conversation's id. */
  async function acceptedInvitation(visitor: VisitorClient, visitorId: string): Promise<string> {
    const sent = await api.call<{ id: string }>(
      'POST',
      `/api/v1/visitors/${visitorId}/invitations`,
      {
        token: adaToken,
        body: { message: 'Can I help you choose?' },
      },
    );
    expect(sent.status).toBe(201);
    await visitor.next((f) => f.type === 'invitation');
    visitor.send({ type: 'invitation.accept', ref: 'a1', invitationId: sent.body.id });
    const ack = await visitor.next((f) => f.type === 'invitation.ack' && f.ref === 'a1');
    // Accepted again (a second tab, a retried frame): the same conversation, counted once.
    visitor.send({ type: 'invitation.accept', ref: 'a2', invitationId: sent.body.id });
    await visitor.next((f) => f.type === 'invitation.ack' && f.ref === 'a2');
    return ack.conversationId as string;
  }

  async function onlineVisitor(): Promise<{ client: VisitorClient; visitorId: string }> {
    const session = await newSession(web(), workspace.inboxId);
    const { client } = await VisitorClient.greeted(web(), { token: session.token });
    closers.push(() => client.close());
    await new BeaconClient(web(), session.token, '203.0.113.7').view({
      url: 'https://shop.example.com/shoes',
      title: 'Shoes',
    });
    await waitFor(async () => {
      const online = await api.call<{ visitorId: string }[]>('GET', '/api/v1/visitors/online', {
        token: adaToken,
      });
      return online.body.some((v) => v.visitorId === session.visitorId);
    }, 15_000);
    return { client, visitorId: session.visitorId };
  }

  it('counts the accepted chat on the inviting agent once; the supervisor takes it over, freeing her slot; resolving frees his', async () => {
    const { ada, sam } = workspace.agents;
    const { client, visitorId } = await onlineVisitor();
    const conversationId = await acceptedInvitation(client, visitorId);
    await loadsBecome({ [ada.id]: 1, [sam.id]: 0 });

    const taken = await api.call<{ assigneeId: string; status: string }>(
      'POST',
      `/api/v1/conversations/${conversationId}/transfer`,
      { token: samToken, body: { toAgentId: sam.id } },
    );
    expect(taken.status).toBe(200);
    expect(taken.body).toMatchObject({ assigneeId: sam.id, status: 'assigned' });
    expect(await loads()).toMatchObject({ [ada.id]: 0, [sam.id]: 1 });
    // The visitor learns who has the chat now.
    await client.next(
      (f) =>
        f.type === 'conversation.updated' &&
        (f.conversation as { assignee?: { id: string } }).assignee?.id === sam.id,
    );

    const resolved = await api.call('POST', `/api/v1/conversations/${conversationId}/resolve`, {
      token: samToken,
    });
    expect(resolved.status).toBe(200);
    await loadsBecome({ [ada.id]: 0, [sam.id]: 0 });
  });

  it('lets the inviting agent transfer the chat to a colleague, and frees her slot when she resolves one she kept', async () => {
    const { ada, sam } = workspace.agents;
    const first = await onlineVisitor();
    const kept = await acceptedInvitation(first.client, first.visitorId);
    const second = await onlineVisitor();
    const handed = await acceptedInvitation(second.client, second.visitorId);
    await loadsBecome({ [ada.id]: 2, [sam.id]: 0 });

    const moved = await api.call('POST', `/api/v1/conversations/${handed}/transfer`, {
      token: adaToken,
      body: { toAgentId: sam.id },
    });
    expect(moved).toMatchObject({ status: 200, body: { assigneeId: sam.id } });
    const resolved = await api.call('POST', `/api/v1/conversations/${kept}/resolve`, {
      token: adaToken,
    });
    expect(resolved.status).toBe(200);
    await loadsBecome({ [ada.id]: 0, [sam.id]: 1 });
  });
});
