import { randomUUID } from 'node:crypto';
import {
  SUBJECTS,
  type Actor,
  type CreateTicketRequest,
  type TicketChanged,
  type TicketView,
} from '@hub/contracts';
import { AgentRole, Channel } from '@hub/domain';
import { CrmTestBed } from './support/crm-test-bed';

describe('crm tickets: model, workflow, versions, history and events', () => {
  let crm: CrmTestBed;

  beforeAll(async () => {
    crm = await CrmTestBed.start('tickets');
  });

  afterAll(async () => {
    await crm.stop();
  });

  const agent = (role: AgentRole = AgentRole.Agent): Actor => ({ agentId: randomUUID(), role });

  async function customerIn(workspaceId: string): Promise<string> {
    const { customerId } = await crm.request(SUBJECTS.crm.resolveCustomer, {
      workspaceId,
      channel: Channel.Email,
      externalId: `${randomUUID()}@example.com`,
    });
    return customerId;
  }

  async function newTicket(overrides: Partial<CreateTicketRequest> = {}): Promise<TicketView> {
    const workspaceId = overrides.workspaceId ?? randomUUID();
    return crm.request(SUBJECTS.crm.createTicket, {
      workspaceId,
      actor: agent(),
      customerId: overrides.customerId ?? (await customerIn(workspaceId)),
      subject: 'The parcel never came',
      ...overrides,
    });
  }

  // What went through crm's outbox for one ticket, in order.
  async function ticketEvents(ticketId: string): Promise<TicketChanged[]> {
    const rows = await crm.query<{ payload: TicketChanged }>(
      `select payload from crm.outbox
        where subject = $1 and payload -> 'ticket' ->> 'id' = $2 order by id`,
      [SUBJECTS.crm.ticketChanged.subject, ticketId],
    );
    return rows.map((row) => row.payload);
  }

  describe('creating', () => {
    it('opens a new ticket for the customer, with an audit entry and a created event', async () => {
      const actor = agent();
      const workspaceId = randomUUID();
      const customerId = await customerIn(workspaceId);
      const conversationId = randomUUID();

      const ticket = await newTicket({
        workspaceId,
        customerId,
        actor,
        priority: 'high',
        tags: ['shipping', '配送'],
        conversationId,
        dueAt: '2026-12-01T09:00:00+09:00',
      });

      expect(ticket).toMatchObject({
        workspaceId,
        customerId,
        subject: 'The parcel never came',
        status: 'new',
        priority: 'high',
        tags: ['shipping', '配送'],
        conversationIds: [conversationId],
        dueAt: '2026-12-01T00:00:00.000Z',
        vip: false,
        version: 1,
      });
      const [event, ...more] = await ticketEvents(ticket.id);
      expect(more).toEqual([]);
      expect(event).toMatchObject({
        eventId: `crm.ticket.changed:${ticket.id}:1`,
        workspaceId,
        created: true,
        actorType: 'agent',
        actorId: actor.agentId,
        ticket: {
          id: ticket.id,
          status: 'new',
          priority: 'high',
          conversationIds: [conversationId],
          vip: false,
          version: 1,
        },
      });
      expect(event.changes).toEqual(
        expect.arrayContaining([
          { field: 'subject', from: null, to: 'The parcel never came' },
          { field: 'conversationIds', from: null, to: [conversationId] },
        ]),
      );
      const history = await crm.request(SUBJECTS.crm.ticketHistory, {
        workspaceId,
        ticketId: ticket.id,
      });
      expect(history).toEqual([
        expect.objectContaining({ action: 'created', actorType: 'agent', actorId: actor.agentId }),
      ]);
    });

    it('refuses a customer of another workspace and writes nothing', async () => {
      const workspaceId = randomUUID();
      const elsewhere = await customerIn(randomUUID());

      const refusal = await crm.refusal(SUBJECTS.crm.createTicket, {
        workspaceId,
        actor: agent(),
        customerId: elsewhere,
        subject: 'x',
      });

      expect(refusal.code).toBe('CUSTOMER_NOT_FOUND');
      const [{ n }] = await crm.query<{ n: number }>(
        'select count(*)::int as n from crm.tickets where workspace_id = $1',
        [workspaceId],
      );
      expect(n).toBe(0);
    });

    it('refuses bad input with field errors: a status other than new or open, odd tags, a date without zone, no actor', async () => {
      const workspaceId = randomUUID();
      const base = { workspaceId, actor: agent(), customerId: await customerIn(workspaceId) };

      const refusals = await Promise.all([
        crm.refusal(SUBJECTS.crm.createTicket, { ...base, subject: 'x', status: 'solved' }),
        crm.refusal(SUBJECTS.crm.createTicket, { ...base, subject: 'x', tags: ['a,b'] }),
        crm.refusal(SUBJECTS.crm.createTicket, {
          ...base,
          subject: 'x',
          dueAt: '2026-12-01T09:00:00',
        }),
        crm.refusal(SUBJECTS.crm.createTicket, { ...base, subject: '' }),
        crm.refusal(SUBJECTS.crm.createTicket, { ...base, actor: undefined, subject: 'x' }),
      ]);

      expect(refusals.map((r) => [r.code, r.fieldErrors?.map((e) => e.field)])).toEqual([
        ['VALIDATION_FAILED', ['status']],
        ['VALIDATION_FAILED', ['tags']],
        ['VALIDATION_FAILED', ['dueAt']],
        ['VALIDATION_FAILED', ['subject']],
        ['VALIDATION_FAILED', ['actor']],
      ]);
    });
  });

  describe('changing', () => {
    it('applies a change read at the current version and bumps it, with old and new values', async () => {
      const ticket = await newTicket();
      const actor = agent();

      const changed = await crm.request(SUBJECTS.crm.updateTicket, {
        workspaceId: ticket.workspaceId,
        ticketId: ticket.id,
        actor,
        version: 1,
        status: 'open',
        priority: 'urgent',
      });

      expect(changed).toMatchObject({ status: 'open', priority: 'urgent', version: 2 });
      const events = await ticketEvents(ticket.id);
      expect(events.map((e) => [e.created, e.ticket.version])).toEqual([
        [true, 1],
        [false, 2],
      ]);
      expect(events[1].changes).toEqual([
        { field: 'status', from: 'new', to: 'open' },
        { field: 'priority', from: 'normal', to: 'urgent' },
      ]);
    });

    it('refuses a write at a stale version with TICKET_CONFLICT and changes nothing', async () => {
      const ticket = await newTicket();
      const base = { workspaceId: ticket.workspaceId, ticketId: ticket.id, actor: agent() };
      await crm.request(SUBJECTS.crm.updateTicket, { ...base, version: 1, subject: 'First' });

      const refusal = await crm.refusal(SUBJECTS.crm.updateTicket, {
        ...base,
        version: 1,
        subject: 'Second',
      });

      expect(refusal.code).toBe('TICKET_CONFLICT');
      const now = await crm.request(SUBJECTS.crm.getTicket, {
        workspaceId: ticket.workspaceId,
        ticketId: ticket.id,
      });
      expect(now).toMatchObject({ subject: 'First', version: 2 });
      expect(await ticketEvents(ticket.id)).toHaveLength(2);
    });

    it('lets exactly one of two agents writing the same version at once win', async () => {
      const ticket = await newTicket();
      const write = (subject: string) =>
        crm
          .request(SUBJECTS.crm.updateTicket, {
            workspaceId: ticket.workspaceId,
            ticketId: ticket.id,
            actor: agent(),
            version: 1,
            subject,
          })
          .then(
            (view) => ({ won: view.subject }),
            (error: { code: string }) => ({ refused: error.code }),
          );

      const outcomes = await Promise.all([write('Alice wrote this'), write('Bob wrote this')]);

      expect(outcomes.filter((o) => 'refused' in o)).toEqual([{ refused: 'TICKET_CONFLICT' }]);
      const winner = outcomes.find((o) => 'won' in o) as { won: string };
      const now = await crm.request(SUBJECTS.crm.getTicket, {
        workspaceId: ticket.workspaceId,
        ticketId: ticket.id,
      });
      expect(now).toMatchObject({ subject: winner.won, version: 2 });
    });

    it('answers a change that changes nothing as the ticket is, without a new version or event', async () => {
      const ticket = await newTicket({ priority: 'low' });

      const same = await crm.request(SUBJECTS.crm.updateTicket, {
        workspaceId: ticket.workspaceId,
        ticketId: ticket.id,
        actor: agent(),
        version: 1,
        priority: 'low',
      });

      expect(same.version).toBe(1);
      expect(await ticketEvents(ticket.id)).toHaveLength(1);
    });

    it('follows the workflow: open → closed refused, solved stamps solvedAt, closed never changes', async () => {
      const ticket = await newTicket({ status: 'open' });
      const base = { workspaceId: ticket.workspaceId, ticketId: ticket.id, actor: agent() };

      const skipSolved = await crm.refusal(SUBJECTS.crm.updateTicket, {
        ...base,
        version: 1,
        status: 'closed',
      });
      const solved = await crm.request(SUBJECTS.crm.updateTicket, {
        ...base,
        version: 1,
        status: 'solved',
      });
      const closed = await crm.request(SUBJECTS.crm.updateTicket, {
        ...base,
        version: 2,
        status: 'closed',
      });
      const reopenClosed = await crm.refusal(SUBJECTS.crm.updateTicket, {
        ...base,
        version: 3,
        status: 'open',
      });
      const editClosed = await crm.refusal(SUBJECTS.crm.updateTicket, {
        ...base,
        version: 3,
        tags: ['late'],
      });

      expect(skipSolved.code).toBe('TICKET_ILLEGAL_TRANSITION');
      expect(solved.solvedAt).not.toBeNull();
      expect(closed).toMatchObject({ status: 'closed', solvedAt: solved.solvedAt, version: 3 });
      expect([reopenClosed.code, editClosed.code]).toEqual(['TICKET_CLOSED', 'TICKET_CLOSED']);
    });

    it('lets an agent change only tickets nobody or they have; a supervisor any', async () => {
      const owner = agent();
      const ticket = await newTicket({ assigneeId: owner.agentId });
      const base = { workspaceId: ticket.workspaceId, ticketId: ticket.id, version: 1 };

      const other = await crm.refusal(SUBJECTS.crm.updateTicket, {
        ...base,
        actor: agent(),
        priority: 'high',
      });
      const supervisor = await crm.request(SUBJECTS.crm.updateTicket, {
        ...base,
        actor: agent(AgentRole.Supervisor),
        priority: 'high',
      });

      expect(other.code).toBe('TICKET_NOT_ASSIGNED_TO_YOU');
      expect(supervisor.priority).toBe('high');
    });

    it('records a transfer with its note in the history and the event', async () => {
      const from = agent();
      const to = randomUUID();
      const department = randomUUID();
      const ticket = await newTicket({ assigneeId: from.agentId });

      await crm.request(SUBJECTS.crm.updateTicket, {
        workspaceId: ticket.workspaceId,
        ticketId: ticket.id,
        actor: from,
        version: 1,
        assigneeId: to,
        departmentId: department,
        note: 'Billing question: Chen knows this customer',
      });

      const history = await crm.request(SUBJECTS.crm.ticketHistory, {
        workspaceId: ticket.workspaceId,
        ticketId: ticket.id,
      });
      expect(history.map((entry) => entry.action)).toEqual(['created', 'transferred']);
      expect(history[1]).toMatchObject({
        actorType: 'agent',
        actorId: from.agentId,
        changes: [
          { field: 'assigneeId', from: from.agentId, to },
          { field: 'departmentId', from: null, to: department },
          { field: 'note', from: null, to: 'Billing question: Chen knows this customer' },
        ],
      });
      const [, event] = await ticketEvents(ticket.id);
      expect(event.ticket).toMatchObject({ assigneeId: to, departmentId: department });
    });

    it('refuses a ticket of another workspace as not found', async () => {
      const ticket = await newTicket();

      const refusal = await crm.refusal(SUBJECTS.crm.updateTicket, {
        workspaceId: randomUUID(),
        ticketId: ticket.id,
        actor: agent(),
        version: 1,
        subject: 'mine now',
      });

      expect(refusal.code).toBe('TICKET_NOT_FOUND');
    });
  });

  describe('conversations', () => {
    it('links conversations of any channel, one ticket per conversation, and unlinks them', async () => {
      const first = await newTicket();
      const second = await newTicket({
        workspaceId: first.workspaceId,
        customerId: first.customerId,
      });
      const conversationId = randomUUID();
      const link = (ticketId: string) => ({
        workspaceId: first.workspaceId,
        ticketId,
        conversationId,
        actor: agent(),
      });

      const linked = await crm.request(SUBJECTS.crm.linkTicketConversation, link(first.id));
      const elsewhere = await crm.refusal(SUBJECTS.crm.linkTicketConversation, link(second.id));
      const turned = await crm.refusal(SUBJECTS.crm.createTicket, {
        workspaceId: first.workspaceId,
        actor: agent(),
        customerId: first.customerId,
        subject: 'again',
        conversationId,
      });
      const unlinked = await crm.request(SUBJECTS.crm.unlinkTicketConversation, link(first.id));
      const notLinked = await crm.refusal(SUBJECTS.crm.unlinkTicketConversation, link(first.id));

      expect(linked).toMatchObject({ conversationIds: [conversationId], version: 2 });
      expect([elsewhere.code, turned.code]).toEqual([
        'TICKET_CONVERSATION_LINKED',
        'TICKET_CONVERSATION_LINKED',
      ]);
      expect(unlinked).toMatchObject({ conversationIds: [], version: 3 });
      expect(notLinked.code).toBe('TICKET_CONVERSATION_NOT_LINKED');
      const found = await crm.request(SUBJECTS.crm.searchTickets, {
        workspaceId: first.workspaceId,
        conversationId,
      });
      expect(found.items).toEqual([]);
    });
  });

  describe('listing', () => {
    it('pages through filtered tickets newest first, each exactly once', async () => {
      const workspaceId = randomUUID();
      const customerId = await customerIn(workspaceId);
      const assigneeId = randomUUID();
      const created: TicketView[] = [];
      for (let i = 0; i < 5; i++) {
        created.push(
          await newTicket({ workspaceId, customerId, subject: `T${i}`, assigneeId, tags: ['x'] }),
        );
      }
      await newTicket({ workspaceId, customerId, subject: 'someone else', tags: ['x'] });

      const seen: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 5; page++) {
        const result = await crm.request(SUBJECTS.crm.searchTickets, {
          workspaceId,
          assigneeId,
          tag: 'x',
          statuses: ['new'],
          limit: 2,
          ...(cursor ? { cursor } : {}),
        });
        seen.push(...result.items.map((t) => t.subject));
        if (!result.nextCursor) break;
        cursor = result.nextCursor;
      }

      expect(seen).toEqual(['T4', 'T3', 'T2', 'T1', 'T0']);
    });

    it('refuses a cursor it did not make', async () => {
      const refusal = await crm.refusal(SUBJECTS.crm.searchTickets, {
        workspaceId: randomUUID(),
        cursor: 'bm90LWEtY3Vyc29y',
      });

      expect(refusal.code).toBe('CURSOR_INVALID');
    });
  });

  describe('categories', () => {
    it('nests one level, keeps sibling names unique, and keeps a category in use', async () => {
      const workspaceId = randomUUID();
      const top = await crm.request(SUBJECTS.crm.createTicketCategory, {
        workspaceId,
        name: 'Shipping',
      });
      const child = await crm.request(SUBJECTS.crm.createTicketCategory, {
        workspaceId,
        name: 'Lost parcel',
        parentId: top.id,
      });

      const tooDeep = await crm.refusal(SUBJECTS.crm.createTicketCategory, {
        workspaceId,
        name: 'Lost in customs',
        parentId: child.id,
      });
      const taken = await crm.refusal(SUBJECTS.crm.createTicketCategory, {
        workspaceId,
        name: 'Shipping',
      });
      const elsewhere = await crm.request(SUBJECTS.crm.createTicketCategory, {
        workspaceId: randomUUID(),
        name: 'Shipping',
      });
      const ticket = await newTicket({ workspaceId, categoryId: child.id });
      const inUse = await crm.refusal(SUBJECTS.crm.deleteTicketCategory, {
        workspaceId,
        categoryId: child.id,
      });
      const withChildren = await crm.refusal(SUBJECTS.crm.deleteTicketCategory, {
        workspaceId,
        categoryId: top.id,
      });
      const foreign = await crm.refusal(SUBJECTS.crm.createTicket, {
        workspaceId,
        actor: agent(),
        customerId: ticket.customerId,
        subject: 'x',
        categoryId: elsewhere.id,
      });

      expect([tooDeep.code, taken.code, inUse.code, withChildren.code, foreign.code]).toEqual([
        'TICKET_CATEGORY_TOO_DEEP',
        'TICKET_CATEGORY_NAME_TAKEN',
        'TICKET_CATEGORY_IN_USE',
        'TICKET_CATEGORY_IN_USE',
        'TICKET_CATEGORY_NOT_FOUND',
      ]);
      const listed = await crm.request(SUBJECTS.crm.listTicketCategories, { workspaceId });
      expect(listed.map((c) => [c.name, c.parentId])).toEqual([
        ['Shipping', null],
        ['Lost parcel', top.id],
      ]);
      const underTop = await crm.request(SUBJECTS.crm.searchTickets, {
        workspaceId,
        categoryId: top.id,
      });
      expect(underTop.items.map((t) => t.id)).toEqual([ticket.id]);
    });
  });

  describe('the VIP flag', () => {
    it("carries the customer's VIP flag", async () => {
      const ticket = await newTicket();
      await crm.query('update crm.customers set vip = true where id = $1', [ticket.customerId]);

      const changed = await crm.request(SUBJECTS.crm.updateTicket, {
        workspaceId: ticket.workspaceId,
        ticketId: ticket.id,
        actor: agent(),
        version: 1,
        priority: 'high',
      });

      expect(changed.vip).toBe(true);
      const [, event] = await ticketEvents(ticket.id);
      expect(event.ticket.vip).toBe(true);
    });
  });

  describe('leave-a-message tickets', () => {
    it('are new, and announced through the outbox once however often the message is resent', async () => {
      const request = {
        workspaceId: randomUUID(),
        channel: Channel.Web,
        externalId: randomUUID(),
        name: 'Aiko',
        email: 'aiko@example.jp',
        message: '返品したいです',
        clientMessageId: `${randomUUID()}:1`,
      } as const;

      const { ticketId } = await crm.request(SUBJECTS.crm.createTicketFromOfflineMessage, request);
      await crm.request(SUBJECTS.crm.createTicketFromOfflineMessage, request);

      const rows = await crm.query<{ subject: string }>(
        `select subject from crm.outbox where workspace_id = $1 and subject like 'evt.crm.ticket.%'
          order by id`,
        [request.workspaceId],
      );
      expect(rows.map((row) => row.subject)).toEqual([
        'evt.crm.ticket.changed.v1',
        'evt.crm.ticket.created.v1',
      ]);
      const [event] = await ticketEvents(ticketId);
      expect(event).toMatchObject({ created: true, actorType: 'system', actorId: null });
      expect(event.ticket.status).toBe('new');
    });
  });
});
