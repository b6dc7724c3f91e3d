import { randomUUID } from 'node:crypto';
import { releaseResolved } from '../src/acd/conversation-lifecycle.use-case';
import { RoutingTestbed } from './support/routing-testbed';

describe('queues and department routing', () => {
  let bed: RoutingTestbed;

  beforeAll(async () => {
    bed = await RoutingTestbed.start('routing_queues');
  });

  afterAll(() => bed.stop());

  it('numbers the waiting conversations of each queue in arrival order', async () => {
    const workspaceId = randomUUID();
    const sales = await bed.department(workspaceId);
    const first = await bed.arrive(workspaceId, sales);
    const wide = await bed.arrive(workspaceId, null);
    const second = await bed.arrive(workspaceId, sales);

    expect(second.effects.positions).toEqual([
      {
        type: 'queue.position',
        conversationId: second.conversationId,
        position: 2,
        estimatedWaitSeconds: null,
      },
    ]);
    expect(second.effects.queues).toEqual([
      { type: 'queue.changed', workspaceId, departmentId: sales, length: 2 },
    ]);
    const queue = await bed.data.queue.waiting(workspaceId);
    expect(
      queue.map(({ conversationId, departmentId, position }) => [
        conversationId,
        departmentId,
        position,
      ]),
    ).toEqual([
      [first.conversationId, sales, 1],
      [wide.conversationId, null, 1],
      [second.conversationId, sales, 2],
    ]);
    expect((await bed.data.queue.waiting(workspaceId, sales)).map((e) => e.position)).toEqual([
      1, 2,
    ]);
  });

  it('moves everyone behind up and announces it when a waiting conversation leaves', async () => {
    const workspaceId = randomUUID();
    const leaving = await bed.arrive(workspaceId, null);
    const second = await bed.arrive(workspaceId, null);
    const third = await bed.arrive(workspaceId, null);

    const effects = await bed.locked(workspaceId, (data, fx) =>
      releaseResolved(
        data,
        {
          conversationId: leaving.conversationId,
          workspaceId,
          occurredAt: new Date().toISOString(),
        },
        fx,
      ),
    );

    expect(effects.positions).toEqual(
      expect.arrayContaining([
        {
          type: 'queue.position',
          conversationId: second.conversationId,
          position: 1,
          estimatedWaitSeconds: null,
        },
        {
          type: 'queue.position',
          conversationId: third.conversationId,
          position: 2,
          estimatedWaitSeconds: null,
        },
      ]),
    );
    expect(effects.positions).toHaveLength(2);
    expect(effects.queues).toEqual([
      { type: 'queue.changed', workspaceId, departmentId: null, length: 2 },
    ]);
    expect((await bed.data.queue.waiting(workspaceId)).map((e) => e.conversationId)).toEqual([
      second.conversationId,
      third.conversationId,
    ]);
  });

  it("gives a department's conversation only to members of that department", async () => {
    const workspaceId = randomUUID();
    const sales = await bed.department(workspaceId);
    const support = await bed.department(workspaceId);
    // The support agent is less loaded: only membership keeps them from the sales chat.
    const seller = await bed.agent(workspaceId, { departmentIds: [sales], activeChats: 1 });
    const helper = await bed.agent(workspaceId, { departmentIds: [support] });

    const salesChat = await bed.arrive(workspaceId, sales);
    const anyChat = await bed.arrive(workspaceId, null);

    expect((await bed.route(salesChat.conversationId))?.agentId).toBe(seller);
    expect((await bed.route(anyChat.conversationId))?.agentId).toBe(helper);
  });

  it('keeps serving other queues while a department has no free member', async () => {
    const workspaceId = randomUUID();
    const sales = await bed.department(workspaceId);
    const support = await bed.department(workspaceId);
    await bed.agent(workspaceId, { departmentIds: [sales], maxChats: 1, activeChats: 1 });
    const helper = await bed.agent(workspaceId, { departmentIds: [support] });

    const waiting = await bed.arrive(workspaceId, sales);
    const served = await bed.arrive(workspaceId, support);

    expect(await bed.route(waiting.conversationId)).toMatchObject({ state: 'queued', position: 1 });
    expect(await bed.route(served.conversationId)).toMatchObject({
      state: 'assigned',
      agentId: helper,
    });
  });

  it('counts each department’s waiting conversations in its listing', async () => {
    const workspaceId = randomUUID();
    const sales = await bed.department(workspaceId);
    const member = await bed.agent(workspaceId, { departmentIds: [sales], maxChats: 1 });
    await bed.arrive(workspaceId, sales);
    await bed.arrive(workspaceId, sales);
    await bed.arrive(workspaceId, sales);

    expect(await bed.data.departments.list(workspaceId)).toEqual([
      expect.objectContaining({ id: sales, agentIds: [member], queueLength: 2 }),
    ]);
  });
});
