import { randomUUID } from 'node:crypto';
import { recordOpenedAssigned, releaseResolved } from '../src/acd/conversation-lifecycle.use-case';
import { RoutingTestbed } from './support/routing-testbed';

// A conversation that opened already assigned: a visitor accepted an agent's invitation.
describe('conversations opened assigned to their agent', () => {
  let bed: RoutingTestbed;

  beforeAll(async () => {
    bed = await RoutingTestbed.start('routing_opened_assigned');
  });

  afterAll(() => bed.stop());

  function openedAssigned(workspaceId: string, conversationId: string, agentId: string) {
    const arrival = {
      conversationId,
      workspaceId,
      departmentId: null,
      openedAt: new Date().toISOString(),
      openedEventId: `opened:${conversationId}`,
      vip: false,
      agentId,
    };
    return bed.locked(workspaceId, (data, fx) => recordOpenedAssigned(data, arrival, fx));
  }

  it('records it as the agent’s and counts it once, past their maximum, however often the event comes', async () => {
    const workspaceId = randomUUID();
    const agent = await bed.agent(workspaceId, { maxChats: 1, activeChats: 1 });
    const conversationId = randomUUID();

    const first = await openedAssigned(workspaceId, conversationId, agent);
    const again = await openedAssigned(workspaceId, conversationId, agent);

    expect(await bed.route(conversationId)).toMatchObject({ state: 'assigned', agentId: agent });
    expect(await bed.activeChats(agent)).toBe(2);
    // The first is confirmed with the conversation service; the repeat changes nothing.
    expect([...first.toApply]).toEqual([conversationId]);
    expect([...again.toApply]).toEqual([]);
  });

  it('gives the agent no queued chat while over their maximum, and frees the slot for the queue when resolved', async () => {
    const workspaceId = randomUUID();
    const agent = await bed.agent(workspaceId, { maxChats: 1 });
    const invited = randomUUID();
    await openedAssigned(workspaceId, invited, agent);

    const waiting = await bed.arrive(workspaceId, null);
    expect(await bed.route(waiting.conversationId)).toMatchObject({ state: 'queued' });

    const resolved = { conversationId: invited, workspaceId, occurredAt: new Date().toISOString() };
    await bed.locked(workspaceId, (data, fx) => releaseResolved(data, resolved, fx));
    expect(await bed.route(invited)).toBeUndefined();
    // The freed slot goes straight to the waiting chat.
    expect(await bed.route(waiting.conversationId)).toMatchObject({
      state: 'assigned',
      agentId: agent,
    });
    expect(await bed.activeChats(agent)).toBe(1);
  });
});
