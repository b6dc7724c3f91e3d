import { SUBJECTS } from '@hub/contracts';
import { waitFor } from '@hub/testing';
import { inboundMessage, publishInbound } from '../support/inbound';
import { RoutingFixture } from './routing-fixture';

describe('routing: twenty visitors racing for three slots across two routing replicas', () => {
  let hub: RoutingFixture;

  beforeAll(async () => {
    hub = await RoutingFixture.start('race', { routingReplicas: 2 });
  }, 90_000);

  afterAll(async () => {
    await hub?.stop();
  });

  it('fills the three slots once each and queues the other seventeen with positions 1 to 17', async () => {
    const target = await hub.workspace();
    const { workspaceId } = target;
    const sales = await hub.department(workspaceId);
    const agents = [
      await hub.agent(workspaceId, { maxChats: 1, departments: [sales] }),
      await hub.agent(workspaceId, { maxChats: 1, departments: [sales] }),
      await hub.agent(workspaceId, { maxChats: 1, departments: [sales] }),
    ];
    for (const agent of agents) await hub.connect(workspaceId, agent);
    const messages = Array.from({ length: 20 }, () =>
      inboundMessage(target, { departmentId: sales }),
    );

    await Promise.all(messages.map((message) => publishInbound(hub.publisher, message)));

    const routed = async () =>
      (
        await hub.db.query<{ state: string; count: number }>(
          `select state, count(*)::int as count from routing.routes where workspace_id = $1 group by state order by state`,
          [workspaceId],
        )
      ).rows;
    await waitFor(
      async () =>
        JSON.stringify(await routed()) ===
        JSON.stringify([
          { state: 'assigned', count: 3 },
          { state: 'queued', count: 17 },
        ]),
      30_000,
      () => 'not all twenty conversations were routed',
    );
    const assigned = async () =>
      (
        await hub.db.query<{ id: string; assigneeId: string }>(
          `select id, assignee_id as "assigneeId" from conversation.conversations
            where workspace_id = $1 and assignee_id is not null`,
          [workspaceId],
        )
      ).rows;
    await waitFor(
      async () => (await assigned()).length === 3,
      15_000,
      () => 'assignments not applied',
    );
    const owners = (await assigned()).map((row) => row.assigneeId);
    expect(owners.sort()).toEqual([...agents].sort());
    const loads = await hub.db.query<{ agentId: string; activeChats: number }>(
      `select agent_id as "agentId", active_chats as "activeChats" from routing.agent_status where workspace_id = $1`,
      [workspaceId],
    );
    expect(loads.rows.map((row) => row.activeChats)).toEqual([1, 1, 1]);

    const queue = await hub.request(SUBJECTS.routing.getQueue, { workspaceId });
    expect(queue.map((entry) => entry.position)).toEqual(
      Array.from({ length: 17 }, (_, i) => i + 1),
    );
    const assignedIds = new Set((await assigned()).map((row) => row.id));
    expect(queue.some((entry) => assignedIds.has(entry.conversationId))).toBe(false);
    // Each waiting visitor was told its position, and the last thing it heard is where it is.
    await waitFor(
      () => queue.every((entry) => hub.positions(entry.conversationId).at(-1) === entry.position),
      5_000,
      () =>
        `positions heard: ${JSON.stringify(queue.map((entry) => [entry.position, hub.positions(entry.conversationId)]))}`,
    );
    // The replicas share the arrivals as competing consumers of one durable (typically 8 and
    // 12; not asserted per replica, as the split is the server's choice), each handled once.
    // Their log lines arrive through pipes, so wait for them rather than read them at once.
    const handled = () =>
      hub.routingReplicas
        .map(
          (replica) =>
            replica.logs.filter((line) => line.msg === 'conversation queued for routing').length,
        )
        .reduce((sum, n) => sum + n, 0);
    await waitFor(
      () => handled() >= 20,
      5_000,
      () => `arrivals logged: ${handled()}`,
    );
    expect(handled()).toBe(20);
    // Still exactly three once everything has settled.
    expect(await assigned()).toHaveLength(3);
  });
});
