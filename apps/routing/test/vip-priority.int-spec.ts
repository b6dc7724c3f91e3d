import { randomUUID } from 'node:crypto';
import { AgentPresence, AgentRole } from '@hub/domain';
import { DomainException } from '@hub/service-kit';
import { QueuePriority } from '../src/acd/queue-priority';
import { RoutesRepository } from '../src/acd/routes.repository';
import { drainQueue } from '../src/acd/drain-queue';
import { updateDepartment } from '../src/departments/update-department.use-case';
import { LiveFiguresQuery } from '../src/live/live-figures.query';
import { transferConversation } from '../src/manual-assignment/transfer-conversation.use-case';
import { reprioritize } from '../src/ticket-priorities/reprioritize';
import type { TicketRank } from '../src/ticket-priorities/ticket-priorities.repository';
import { RoutingTestbed } from './support/routing-testbed';

describe('VIP and priority routing', () => {
  let bed: RoutingTestbed;

  beforeAll(async () => {
    bed = await RoutingTestbed.start('routing_vip', 2);
  });

  afterAll(() => bed.stop());

  /** Conversation ids of the workspace's queue in routing order, with their positions. */
  async function queueOrder(workspaceId: string): Promise<[string, number][]> {
    const waiting = await bed.data.queue.waiting(workspaceId);
    return waiting.map((entry) => [entry.conversationId, entry.position]);
  }

  function ticket(workspaceId: string, rank: Partial<TicketRank>): TicketRank {
    return {
      ticketId: randomUUID(),
      workspaceId,
      version: 1,
      priority: QueuePriority.First,
      conversationIds: [],
      ...rank,
    };
  }

  it("puts a VIP customer's conversation before those who waited longer, and tells each their new position", async () => {
    const workspaceId = randomUUID();
    const sales = await bed.department(workspaceId);
    const first = await bed.arrive(workspaceId, sales);
    const second = await bed.arrive(workspaceId, sales);
    const vip = await bed.arrive(workspaceId, sales, { vip: true });

    expect(await queueOrder(workspaceId)).toEqual([
      [vip.conversationId, 1],
      [first.conversationId, 2],
      [second.conversationId, 3],
    ]);
    expect(vip.effects.positions.map((p) => [p.conversationId, p.position])).toEqual(
      expect.arrayContaining([
        [vip.conversationId, 1],
        [first.conversationId, 2],
        [second.conversationId, 3],
      ]),
    );
    expect(vip.effects.positions).toHaveLength(3);
    const entries = await bed.data.queue.waiting(workspaceId);
    expect(entries.map((entry) => entry.vip)).toEqual([true, false, false]);
  });

  it('gives the first free agent to the VIP, then to the others in arrival order', async () => {
    const workspaceId = randomUUID();
    const agentId = await bed.agent(workspaceId, { presence: AgentPresence.Away, maxChats: 1 });
    const regular = await bed.arrive(workspaceId, null);
    const vip = await bed.arrive(workspaceId, null, { vip: true });
    const later = await bed.arrive(workspaceId, null);

    await bed.sql(`update routing.agent_status set presence = 'online' where agent_id = $1`, [
      agentId,
    ]);
    const effects = await bed.locked(workspaceId, (_data, fx) => {
      fx.drain = true;
      return Promise.resolve();
    });

    expect([...effects.toApply]).toEqual([vip.conversationId]);
    expect(await bed.route(vip.conversationId)).toMatchObject({ state: 'assigned', agentId });
    expect(await queueOrder(workspaceId)).toEqual([
      [regular.conversationId, 1],
      [later.conversationId, 2],
    ]);
  });

  it('ranks a conversation linked to an urgent ticket first, a low one last, and restores the order when the ticket is solved', async () => {
    const workspaceId = randomUUID();
    const early = await bed.arrive(workspaceId, null);
    const linked = await bed.arrive(workspaceId, null);
    const low = await bed.arrive(workspaceId, null);
    const urgent = ticket(workspaceId, { conversationIds: [linked.conversationId] });

    const raised = await reprioritize(bed.replicas[0], urgent);
    await reprioritize(
      bed.replicas[0],
      ticket(workspaceId, { priority: QueuePriority.Low, conversationIds: [low.conversationId] }),
    );

    expect(await queueOrder(workspaceId)).toEqual([
      [linked.conversationId, 1],
      [early.conversationId, 2],
      [low.conversationId, 3],
    ]);
    expect(raised?.positions.map((p) => [p.conversationId, p.position])).toEqual(
      expect.arrayContaining([
        [linked.conversationId, 1],
        [early.conversationId, 2],
      ]),
    );

    // Solved (no rank): back among the normal ones, in arrival order.
    await reprioritize(bed.replicas[0], { ...urgent, version: 2, priority: null });
    expect(await queueOrder(workspaceId)).toEqual([
      [early.conversationId, 1],
      [linked.conversationId, 2],
      [low.conversationId, 3],
    ]);
  });

  it('ignores a late ticket event and follows the links the latest version lists', async () => {
    const workspaceId = randomUUID();
    const first = await bed.arrive(workspaceId, null);
    const second = await bed.arrive(workspaceId, null);
    const urgent = ticket(workspaceId, { version: 3, conversationIds: [second.conversationId] });
    await reprioritize(bed.replicas[0], urgent);

    // Version 2 arrives late: it changes nothing.
    await reprioritize(bed.replicas[0], {
      ...urgent,
      version: 2,
      conversationIds: [first.conversationId],
    });
    expect(await queueOrder(workspaceId)).toEqual([
      [second.conversationId, 1],
      [first.conversationId, 2],
    ]);

    // Version 4 moves the link to the first conversation.
    await reprioritize(bed.replicas[0], {
      ...urgent,
      version: 4,
      conversationIds: [first.conversationId],
    });
    expect(await queueOrder(workspaceId)).toEqual([
      [first.conversationId, 1],
      [second.conversationId, 2],
    ]);
  });

  it('queues a conversation that opens linked to an urgent ticket first from its arrival', async () => {
    const workspaceId = randomUUID();
    const waiting = await bed.arrive(workspaceId, null);
    const conversationId = randomUUID();
    await reprioritize(bed.replicas[0], ticket(workspaceId, { conversationIds: [conversationId] }));

    await new RoutesRepository(bed.replicas[0].manager).enqueue({
      conversationId,
      workspaceId,
      departmentId: null,
      openedAt: new Date().toISOString(),
      openedEventId: `opened:${conversationId}`,
      vip: false,
    });
    await bed.locked(workspaceId, (_data, fx) => {
      fx.drain = true;
      return Promise.resolve();
    });

    expect(await queueOrder(workspaceId)).toEqual([
      [conversationId, 1],
      [waiting.conversationId, 2],
    ]);
  });

  describe('a department reserved for VIPs', () => {
    async function vipDepartment(workspaceId: string): Promise<string> {
      const departmentId = await bed.department(workspaceId);
      const admin = await bed.agent(workspaceId, {
        role: AgentRole.Admin,
        presence: AgentPresence.Offline,
      });
      const view = await updateDepartment(bed.data, {
        workspaceId,
        departmentId,
        actor: { agentId: admin, role: AgentRole.Admin },
        vipOnly: true,
      });
      expect(view).toMatchObject({ id: departmentId, vipOnly: true });
      return departmentId;
    }

    it('queues VIPs in it and everyone else in the workspace-wide queue', async () => {
      const workspaceId = randomUUID();
      const departmentId = await vipDepartment(workspaceId);
      const regular = await bed.arrive(workspaceId, departmentId);
      const vip = await bed.arrive(workspaceId, departmentId, { vip: true });

      expect(await bed.route(regular.conversationId)).toMatchObject({
        departmentId: null,
        position: 1,
      });
      expect(await bed.route(vip.conversationId)).toMatchObject({ departmentId, position: 1 });
    });

    it('refuses to transfer a conversation that is not a VIP into it, changing nothing', async () => {
      const workspaceId = randomUUID();
      const departmentId = await vipDepartment(workspaceId);
      const supervisor = await bed.agent(workspaceId, {
        role: AgentRole.Supervisor,
        presence: AgentPresence.Offline,
      });
      const regular = await bed.arrive(workspaceId, null);
      const vip = await bed.arrive(workspaceId, null, { vip: true });
      const transfer = (conversationId: string) =>
        bed.locked(workspaceId, (data, fx) =>
          transferConversation(
            data,
            {
              workspaceId,
              conversationId,
              actor: { agentId: supervisor, role: AgentRole.Supervisor },
              toDepartmentId: departmentId,
            },
            fx,
          ),
        );

      const refusal = await transfer(regular.conversationId).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(DomainException);
      expect((refusal as DomainException).code).toBe('ROUTING_VIP_ONLY_DEPARTMENT');
      expect(await bed.route(regular.conversationId)).toMatchObject({
        departmentId: null,
        position: 2,
      });

      await transfer(vip.conversationId);
      expect(await bed.route(vip.conversationId)).toMatchObject({ departmentId, position: 1 });
    });

    it('may be changed by admins only', async () => {
      const workspaceId = randomUUID();
      const departmentId = await bed.department(workspaceId);
      const supervisor = await bed.agent(workspaceId, { role: AgentRole.Supervisor });
      const refusal = await updateDepartment(bed.data, {
        workspaceId,
        departmentId,
        actor: { agentId: supervisor, role: AgentRole.Supervisor },
        vipOnly: true,
      }).catch((error: unknown) => error);

      expect((refusal as DomainException).code).toBe('ROUTING_ADMIN_ONLY');
      const [department] = await bed.sql<{ vipOnly: boolean }>(
        `select vip_only as "vipOnly" from routing.departments where id = $1`,
        [departmentId],
      );
      expect(department.vipOnly).toBe(false);
    });
  });

  it('gives no position to an arrival a drain did not see, so that arrival still drains itself', async () => {
    const workspaceId = randomUUID();
    await bed.agent(workspaceId, { presence: AgentPresence.Away });
    const seen = await bed.arrive(workspaceId, null);
    const unseenId = randomUUID();

    // A drain reads the queue; the unseen arrival commits (another replica) before it renumbers.
    await bed.locked(workspaceId, async (data, fx) => {
      await drainQueue(data, workspaceId, fx);
      await new RoutesRepository(bed.replicas[1].manager).enqueue({
        conversationId: unseenId,
        workspaceId,
        departmentId: null,
        openedAt: new Date().toISOString(),
        openedEventId: `opened:${unseenId}`,
        vip: false,
      });
      fx.queueTouched = true;
    });

    expect(await bed.route(seen.conversationId)).toMatchObject({ position: 1 });
    expect(await bed.route(unseenId)).toMatchObject({ state: 'queued', position: null });
    expect((await bed.data.queue.announced(workspaceId, [unseenId])).arrivalHandled).toBe(false);
  });

  it('answers the live figures: queue lengths, VIPs waiting, longest wait, agents online and their load', async () => {
    const workspaceId = randomUUID();
    const sales = await bed.department(workspaceId);
    const online = await bed.agent(workspaceId, {
      departmentIds: [sales],
      maxChats: 2,
      activeChats: 2,
    });
    const away = await bed.agent(workspaceId, { presence: AgentPresence.Away, maxChats: 3 });
    await bed.agent(workspaceId, { presence: AgentPresence.Offline });
    const oldest = await bed.arrive(workspaceId, sales);
    await bed.arrive(workspaceId, sales, { vip: true });
    await bed.arrive(workspaceId, null);
    await bed.sql(
      `update routing.routes set enqueued_at = now() - interval '90 seconds' where conversation_id = $1`,
      [oldest.conversationId],
    );

    const figures = await new LiveFiguresQuery(bed.replicas[0].manager).load(workspaceId);

    expect(figures.queues).toEqual([
      {
        departmentId: sales,
        name: `Department ${sales}`,
        vipOnly: false,
        waiting: 2,
        vipWaiting: 1,
        longestWaitSeconds: expect.any(Number) as number,
      },
      {
        departmentId: null,
        name: null,
        vipOnly: false,
        waiting: 1,
        vipWaiting: 0,
        longestWaitSeconds: expect.any(Number) as number,
      },
    ]);
    expect(figures.queues[0].longestWaitSeconds).toBeGreaterThanOrEqual(90);
    expect(figures.longestWaitSeconds).toBe(figures.queues[0].longestWaitSeconds);
    expect(figures.agentsOnline).toBe(1);
    expect(
      figures.agents.map((a) => [a.agentId, a.presence, a.activeChats, a.maxConcurrentChats]),
    ).toEqual(
      expect.arrayContaining([
        [online, 'online', 2, 2],
        [away, 'away', 0, 3],
      ]),
    );
    expect(figures.agents).toHaveLength(2);
    expect(figures.agents.find((a) => a.agentId === online)?.departmentIds).toEqual([sales]);
  });

  it('answers empty live figures for a workspace with nothing waiting', async () => {
    const figures = await new LiveFiguresQuery(bed.replicas[0].manager).load(randomUUID());
    expect(figures).toMatchObject({
      queues: [
        {
          departmentId: null,
          name: null,
          vipOnly: false,
          waiting: 0,
          vipWaiting: 0,
          longestWaitSeconds: null,
        },
      ],
      longestWaitSeconds: null,
      agentsOnline: 0,
      agents: [],
    });
  });
});
