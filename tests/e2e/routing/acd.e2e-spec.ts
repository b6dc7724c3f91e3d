import { randomUUID } from 'node:crypto';
import { SUBJECTS } from '@hub/contracts';
import { waitFor } from '@hub/testing';
import { inboundMessage } from '../support/inbound';
import { nestRequestError } from '../support/nest-request';
import { RoutingFixture } from './routing-fixture';

describe('routing: automatic distribution, queue, pick and transfer', () => {
  let hub: RoutingFixture;

  beforeAll(async () => {
    hub = await RoutingFixture.start('acd');
  }, 90_000);

  afterAll(async () => {
    await hub?.stop();
  });

  describe('agent directory', () => {
    it('authenticates an agent by email (any case) and password, and refuses a wrong one alike', async () => {
      const { workspaceId } = await hub.workspace();
      const agentId = await hub.agent(workspaceId, {
        email: 'ada@example.test',
        password: 'correct horse',
      });
      const other = await hub.workspace();

      const agent = await hub.request(SUBJECTS.routing.authenticateAgent, {
        workspaceId,
        email: 'ADA@Example.test',
        password: 'correct horse',
      });
      const wrongPassword = await nestRequestError(
        hub.request(SUBJECTS.routing.authenticateAgent, {
          workspaceId,
          email: 'ada@example.test',
          password: 'wrong',
        }),
      );
      const unknownEmail = await nestRequestError(
        hub.request(SUBJECTS.routing.authenticateAgent, {
          workspaceId,
          email: 'bob@example.test',
          password: 'x',
        }),
      );
      const otherWorkspace = await nestRequestError(
        hub.request(SUBJECTS.routing.authenticateAgent, {
          workspaceId: other.workspaceId,
          email: 'ada@example.test',
          password: 'correct horse',
        }),
      );

      expect(agent).toMatchObject({
        id: agentId,
        workspaceId,
        presence: 'offline',
        activeChats: 0,
      });
      expect(agent).not.toHaveProperty('passwordHash');
      for (const refusal of [wrongPassword, unknownEmail, otherWorkspace]) {
        expect(refusal).toEqual({
          status: 401,
          code: 'AUTH_INVALID_CREDENTIALS',
          message: 'Invalid email or password',
        });
      }
    });

    it('lists agents and departments of one workspace only', async () => {
      const { workspaceId } = await hub.workspace();
      const sales = await hub.department(workspaceId, 'Sales');
      const ada = await hub.agent(workspaceId, { name: 'Ada', departments: [sales] });
      const other = await hub.workspace();
      await hub.agent(other.workspaceId, { name: 'Eve' });

      const agents = await hub.request(SUBJECTS.routing.listAgents, { workspaceId });
      const departments = await hub.request(SUBJECTS.routing.listDepartments, {
        workspaceId,
      });
      const elsewhere = await nestRequestError(
        hub.request(SUBJECTS.routing.getAgent, { workspaceId: other.workspaceId, agentId: ada }),
      );

      expect(agents.map((a) => [a.name, a.departmentIds])).toEqual([['Ada', [sales]]]);
      expect(departments).toEqual([
        { id: sales, workspaceId, name: 'Sales', agentIds: [ada], queueLength: 0, vipOnly: false },
      ]);
      expect(elsewhere).toMatchObject({ status: 404, code: 'AGENT_NOT_FOUND' });
    });
  });

  it('assigns to the least-loaded online agent, ties going to the one idle longest', async () => {
    const target = await hub.workspace();
    const { workspaceId } = target;
    const sales = await hub.department(workspaceId);
    const [a, b, c] = [
      await hub.agent(workspaceId, { departments: [sales] }),
      await hub.agent(workspaceId, { departments: [sales] }),
      await hub.agent(workspaceId, { departments: [sales] }),
    ];
    await hub.connect(workspaceId, a);
    await hub.connect(workspaceId, b);

    const first = await hub.waitForAnyAssignee(await hub.openConversation(target, sales));
    const second = await hub.waitForAnyAssignee(await hub.openConversation(target, sales));
    // Both have one chat now; the first one assigned has been idle longer.
    const c3 = await hub.openConversation(target, sales);
    await hub.waitForAssignee(c3, first);
    await hub.connect(workspaceId, c);
    const c4 = await hub.openConversation(target, sales);
    await hub.waitForAssignee(c4, c);
    await hub.resolve(workspaceId, c3, { agentId: first, role: 'agent' });
    // Loads 1/1/1 again: `second` has waited since its only assignment, the longest.
    const c5 = await hub.openConversation(target, sales);

    expect(new Set([first, second])).toEqual(new Set([a, b]));
    await hub.waitForAssignee(c5, second);
    const loads = await Promise.all([a, b, c].map((id) => hub.agentView(workspaceId, id)));
    expect(loads.map((agent) => agent.activeChats)).toEqual(
      [a, b, c].map((id) => (id === second ? 2 : 1)),
    );
  });

  it('queues with positions when no agent is free and assigns the head the moment a slot frees', async () => {
    const target = await hub.workspace();
    const { workspaceId } = target;
    const support = await hub.department(workspaceId);
    const agent = await hub.agent(workspaceId, { maxChats: 1, departments: [support] });
    await hub.connect(workspaceId, agent);
    const c1 = await hub.openConversation(target, support);
    await hub.waitForAssignee(c1, agent);

    const c2 = await hub.openConversation(target, support);
    const c3 = await hub.openConversation(target, support);

    await waitFor(
      () => hub.positions(c3).length > 0,
      10_000,
      () => 'no position published for c3',
    );
    await hub.eventually(() => expect([hub.positions(c2), hub.positions(c3)]).toEqual([[1], [2]]));
    const queue = await hub.request(SUBJECTS.routing.getQueue, { workspaceId });
    expect(
      queue.map((entry) => [entry.conversationId, entry.departmentId, entry.position]),
    ).toEqual([
      [c2, support, 1],
      [c3, support, 2],
    ]);
    expect(queue[0].enqueuedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const lengths = () =>
      hub.realtime.flatMap(({ subject, event }) =>
        event.type === 'queue.changed' && subject === `rt.workspace.${workspaceId}`
          ? [event.length]
          : [],
      );
    await hub.eventually(() => expect(lengths()).toEqual([1, 2]));

    await hub.resolve(workspaceId, c1, { agentId: agent, role: 'agent' });

    await hub.waitForAssignee(c2, agent);
    await hub.eventually(() => expect(hub.positions(c3)).toEqual([2, 1]));
    expect((await hub.conversation(c3)).assigneeId).toBeNull();
    await hub.eventually(() => expect(lengths()).toEqual([1, 2, 1]));
    expect((await hub.agentView(workspaceId, agent)).activeChats).toBe(1);
  });

  it('routes a conversation the customer reopens again, like a new arrival', async () => {
    const target = await hub.workspace();
    const { workspaceId } = target;
    const agent = await hub.agent(workspaceId);
    await hub.connect(workspaceId, agent);
    const customer = { externalId: `visitor-${randomUUID()}` };
    const conversationId = await hub.send(inboundMessage(target, { customer }));
    await hub.waitForAssignee(conversationId, agent);
    await hub.resolve(workspaceId, conversationId, { agentId: agent, role: 'agent' });
    await hub.eventually(async () =>
      expect((await hub.agentView(workspaceId, agent)).activeChats).toBe(0),
    );

    const reopened = await hub.send(inboundMessage(target, { customer }));

    expect(reopened).toBe(conversationId);
    await hub.eventually(
      async () =>
        expect(await hub.conversation(conversationId)).toMatchObject({
          status: 'assigned',
          assigneeId: agent,
        }),
      15_000,
    );
    expect((await hub.agentView(workspaceId, agent)).activeChats).toBe(1);
  });

  it('publishes presence changes to the workspace and takes away agents out of distribution', async () => {
    const target = await hub.workspace();
    const { workspaceId } = target;
    const agent = await hub.agent(workspaceId);
    const connection = await hub.connect(workspaceId, agent);

    const away = await hub.request(SUBJECTS.routing.setPresence, {
      workspaceId,
      agentId: agent,
      presence: 'away',
    });
    const waiting = await hub.openConversation(target);
    await waitFor(() => hub.positions(waiting).length > 0, 10_000);
    const back = await hub.request(SUBJECTS.routing.setPresence, {
      workspaceId,
      agentId: agent,
      presence: 'online',
    });
    await hub.waitForAssignee(waiting, agent);
    const gone = await hub.disconnect(workspaceId, agent, connection);

    expect([away.presence, back.presence, gone.presence]).toEqual(['away', 'online', 'offline']);
    const published = () =>
      hub.realtime.flatMap(({ subject, event }) =>
        event.type === 'presence.changed' && subject === `rt.workspace.${workspaceId}`
          ? [event.presence]
          : [],
      );
    await hub.eventually(() =>
      expect(published()).toEqual(['online', 'away', 'online', 'offline']),
    );
  });

  describe('manual pick', () => {
    it('lets an agent take a waiting conversation of their department when they have a free slot', async () => {
      const target = await hub.workspace();
      const { workspaceId } = target;
      const sales = await hub.department(workspaceId);
      const picker = await hub.agent(workspaceId, { maxChats: 1, departments: [sales] });
      const outsider = await hub.agent(workspaceId);
      const supervisor = await hub.agent(workspaceId, { role: 'supervisor' });
      // Nobody is online, so both wait.
      const c1 = await hub.openConversation(target, sales);
      const c2 = await hub.openConversation(target, sales);
      await waitFor(() => hub.positions(c2).length > 0, 10_000);

      const refused = await nestRequestError(
        hub.request(SUBJECTS.routing.pick, {
          workspaceId,
          conversationId: c1,
          actor: { agentId: outsider, role: 'agent' },
        }),
      );
      const picked = await hub.request(SUBJECTS.routing.pick, {
        workspaceId,
        conversationId: c1,
        actor: { agentId: picker, role: 'agent' },
      });
      const full = await nestRequestError(
        hub.request(SUBJECTS.routing.pick, {
          workspaceId,
          conversationId: c2,
          actor: { agentId: picker, role: 'agent' },
        }),
      );
      const taken = await nestRequestError(
        hub.request(SUBJECTS.routing.pick, {
          workspaceId,
          conversationId: c1,
          actor: { agentId: supervisor, role: 'supervisor' },
        }),
      );
      const bySupervisor = await hub.request(SUBJECTS.routing.pick, {
        workspaceId,
        conversationId: c2,
        actor: { agentId: supervisor, role: 'supervisor' },
      });

      expect(refused).toMatchObject({ status: 403, code: 'ROUTING_NOT_IN_DEPARTMENT' });
      expect(picked).toMatchObject({ id: c1, assigneeId: picker, status: 'assigned' });
      expect(full).toMatchObject({ status: 409, code: 'ROUTING_NO_FREE_SLOT' });
      expect(taken).toMatchObject({ status: 409, code: 'ROUTING_NOT_QUEUED' });
      expect(bySupervisor).toMatchObject({ id: c2, assigneeId: supervisor });
      await hub.eventually(() => expect(hub.positions(c2)).toEqual([2, 1]));
      expect(await hub.request(SUBJECTS.routing.getQueue, { workspaceId })).toEqual([]);
    });
  });

  describe('transfer', () => {
    it('hands a conversation to an online agent with a free slot, and only its assignee may', async () => {
      const target = await hub.workspace();
      const { workspaceId } = target;
      const [from, to, bystander, offline] = [
        await hub.agent(workspaceId),
        await hub.agent(workspaceId),
        await hub.agent(workspaceId, { maxChats: 1 }),
        await hub.agent(workspaceId),
      ];
      await hub.connect(workspaceId, from);
      const conversationId = await hub.openConversation(target);
      await hub.waitForAssignee(conversationId, from);
      await hub.connect(workspaceId, to);
      const transfer = (actor: string, toAgentId: string) =>
        hub.request(SUBJECTS.routing.transfer, {
          workspaceId,
          conversationId,
          actor: { agentId: actor, role: 'agent' },
          toAgentId,
        });

      const notYours = await nestRequestError(transfer(bystander, to));
      const toOffline = await nestRequestError(transfer(from, offline));
      const moved = await transfer(from, to);

      expect(notYours).toMatchObject({ status: 403, code: 'ROUTING_TRANSFER_FORBIDDEN' });
      expect(toOffline).toMatchObject({ status: 409, code: 'ROUTING_AGENT_UNAVAILABLE' });
      expect(moved).toMatchObject({ id: conversationId, assigneeId: to });
      expect((await hub.agentView(workspaceId, from)).activeChats).toBe(0);
      expect((await hub.agentView(workspaceId, to)).activeChats).toBe(1);
    });

    it('sends a conversation to a department: to its free agent at once, or to the front of its queue', async () => {
      const target = await hub.workspace();
      const { workspaceId } = target;
      const [billing, returns] = [
        await hub.department(workspaceId),
        await hub.department(workspaceId),
      ];
      const first = await hub.agent(workspaceId, { maxChats: 2 });
      const billingAgent = await hub.agent(workspaceId, { departments: [billing] });
      await hub.connect(workspaceId, first);
      const c1 = await hub.openConversation(target);
      const c2 = await hub.openConversation(target);
      await hub.waitForAssignee(c1, first);
      await hub.waitForAssignee(c2, first);
      await hub.connect(workspaceId, billingAgent);
      const transfer = (conversationId: string, toDepartmentId: string) =>
        hub.request(SUBJECTS.routing.transfer, {
          workspaceId,
          conversationId,
          actor: { agentId: first, role: 'agent' },
          toDepartmentId,
        });
      // Someone already waits in "returns"; a transferred conversation goes before them.
      const waiting = await hub.openConversation(target, returns);
      await waitFor(() => hub.positions(waiting).length > 0, 10_000);

      const toBilling = await transfer(c1, billing);
      const toReturns = await transfer(c2, returns);

      expect(toBilling).toMatchObject({ id: c1, assigneeId: billingAgent, departmentId: billing });
      expect(toReturns).toMatchObject({
        id: c2,
        assigneeId: null,
        status: 'open',
        departmentId: returns,
      });
      const queue = await hub.request(SUBJECTS.routing.getQueue, {
        workspaceId,
        departmentId: returns,
      });
      expect(queue.map((entry) => [entry.conversationId, entry.position])).toEqual([
        [c2, 1],
        [waiting, 2],
      ]);
      await waitFor(() => hub.positions(waiting).length === 2, 5_000);
      expect(hub.positions(waiting)).toEqual([1, 2]);
      expect((await hub.agentView(workspaceId, first)).activeChats).toBe(0);
    });
  });
});
