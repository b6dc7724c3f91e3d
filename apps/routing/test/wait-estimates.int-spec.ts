import { randomUUID } from 'node:crypto';
import { AgentPresence } from '@hub/domain';
import { releaseResolved } from '../src/acd/conversation-lifecycle.use-case';
import { withEstimatedWaits } from '../src/wait-estimates/wait-estimates';
import { RoutingTestbed } from './support/routing-testbed';

// What the queue's estimated wait reads: the handling times routing records when it lets go of
// a resolved conversation, and the chat slots of the agents online.
describe('estimated waits', () => {
  let bed: RoutingTestbed;

  beforeAll(async () => {
    bed = await RoutingTestbed.start('routing_wait_estimates');
  });

  afterAll(() => bed.stop());

  /** A resolved conversation of `departmentId` that its agent had for `seconds`. */
  async function handled(
    workspaceId: string,
    departmentId: string | null,
    seconds: number,
    resolvedDaysAgo = 0,
  ): Promise<void> {
    await bed.sql(
      `insert into routing.handling_times
         (conversation_id, workspace_id, department_id, assigned_at, resolved_at, handle_seconds)
       values ($1, $2, $3, now() - make_interval(days => $4, secs => $5), now() - make_interval(days => $4), $5)`,
      [randomUUID(), workspaceId, departmentId, resolvedDaysAgo, seconds],
    );
  }

  const resolve = (workspaceId: string, conversationId: string, at = new Date()) =>
    bed.locked(workspaceId, (data, fx) =>
      releaseResolved(data, { conversationId, workspaceId, occurredAt: at.toISOString() }, fx),
    );

  it('records how long an assigned conversation was with its agent when it is resolved, once', async () => {
    const workspaceId = randomUUID();
    const sales = await bed.department(workspaceId);
    await bed.agent(workspaceId, { departmentIds: [sales] });
    const { conversationId } = await bed.arrive(workspaceId, sales);
    await bed.sql(
      `update routing.routes set assigned_at = now() - interval '90 seconds' where conversation_id = $1`,
      [conversationId],
    );
    const resolvedAt = new Date();

    await resolve(workspaceId, conversationId, resolvedAt);
    await resolve(workspaceId, conversationId, resolvedAt);

    const rows = await bed.sql<{ departmentId: string; handleSeconds: number }>(
      `select department_id as "departmentId", handle_seconds as "handleSeconds"
         from routing.handling_times where conversation_id = $1`,
      [conversationId],
    );
    expect(rows).toEqual([{ departmentId: sales, handleSeconds: 90 }]);
  });

  it('records nothing for a conversation resolved while it was still waiting', async () => {
    const workspaceId = randomUUID();
    const { conversationId } = await bed.arrive(workspaceId, null);

    await resolve(workspaceId, conversationId);

    expect(
      await bed.sql(`select 1 from routing.handling_times where conversation_id = $1`, [
        conversationId,
      ]),
    ).toEqual([]);
  });

  it('estimates from the median of the department’s recent handling times over its online slots', async () => {
    const workspaceId = randomUUID();
    const sales = await bed.department(workspaceId);
    const support = await bed.department(workspaceId);
    // Busy agents: the newcomers queue. Two serve sales (3 + 3 slots), one support.
    for (const departmentIds of [[sales], [sales], [support]])
      await bed.agent(workspaceId, { departmentIds, activeChats: 3, maxChats: 3 });
    await bed.agent(workspaceId, { departmentIds: [sales], presence: AgentPresence.Away });
    for (const seconds of [100, 600, 700]) await handled(workspaceId, sales, seconds);
    await handled(workspaceId, sales, 5_000, 8); // older than the window: not read
    await handled(workspaceId, support, 60);

    const first = await bed.arrive(workspaceId, sales);
    const second = await bed.arrive(workspaceId, sales);
    const helped = await bed.arrive(workspaceId, support);

    // median 600 s over 6 slots: 100 s per place in the queue.
    expect(first.effects.positions).toEqual([
      expect.objectContaining({ position: 1, estimatedWaitSeconds: 100 }),
    ]);
    expect(second.effects.positions).toEqual([
      expect.objectContaining({ position: 2, estimatedWaitSeconds: 200 }),
    ]);
    expect(helped.effects.positions).toEqual([
      expect.objectContaining({ position: 1, estimatedWaitSeconds: 20 }),
    ]);
    // As routing.queue.get answers it (QueueService).
    const queue = await withEstimatedWaits(
      bed.data.waitBasis,
      workspaceId,
      await bed.data.queue.waiting(workspaceId),
    );
    expect(queue.map((e) => [e.conversationId, e.estimatedWaitSeconds])).toEqual([
      [first.conversationId, 100],
      [second.conversationId, 200],
      [helped.conversationId, 20],
    ]);
  });

  it('uses only the last 50 handling times of the queue', async () => {
    const workspaceId = randomUUID();
    await bed.agent(workspaceId, { activeChats: 1, maxChats: 1 });
    // 50 recent quick ones, 30 slow ones just before them.
    for (let i = 0; i < 30; i++) await handled(workspaceId, null, 3_000, 1);
    for (let i = 0; i < 50; i++) await handled(workspaceId, null, 120);

    const { effects } = await bed.arrive(workspaceId, null);

    expect(effects.positions).toEqual([expect.objectContaining({ estimatedWaitSeconds: 120 })]);
  });

  it('is null without history, and null when nobody serving the queue is online', async () => {
    const workspaceId = randomUUID();
    const sales = await bed.department(workspaceId);
    const quiet = await bed.department(workspaceId);
    await bed.agent(workspaceId, { departmentIds: [sales], activeChats: 3, maxChats: 3 });
    await handled(workspaceId, quiet, 300);

    const noHistory = await bed.arrive(workspaceId, sales);
    const nobodyOnline = await bed.arrive(workspaceId, quiet);

    expect(noHistory.effects.positions).toEqual([
      expect.objectContaining({ position: 1, estimatedWaitSeconds: null }),
    ]);
    expect(nobodyOnline.effects.positions).toEqual([
      expect.objectContaining({ position: 1, estimatedWaitSeconds: null }),
    ]);
  });
});
