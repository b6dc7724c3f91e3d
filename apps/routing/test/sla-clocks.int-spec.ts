import { randomUUID } from 'node:crypto';
import {
  SUBJECTS,
  type CreateSlaPolicyRequest,
  type ConversationOpened,
  type MessageCreated,
  type SlaClockView,
} from '@hub/contracts';
import {
  AgentRole,
  Channel,
  ContentType,
  MessageDirection,
  Priority,
  SenderType,
  TicketStatus,
} from '@hub/domain';
import { METRICS_REGISTRY } from '@hub/service-kit';
import { waitFor } from '@hub/testing';
import type { Registry } from 'prom-client';
import { SlaSweep } from '../src/sla/sla-sweep';
import { SlaTestbed, ticketChanged } from './support/sla-testbed';

const minutes = (n: number) => n * 60_000;
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

function policy(
  workspaceId: string,
  fields: Partial<CreateSlaPolicyRequest> = {},
): CreateSlaPolicyRequest {
  return {
    workspaceId,
    name: 'Standard',
    priorities: [],
    categoryIds: [],
    vip: null,
    firstResponseMinutes: null,
    nextResponseMinutes: null,
    resolutionMinutes: null,
    hours: 'calendar',
    ...fields,
  };
}

function opened(
  workspaceId: string,
  conversationId: string,
  fields: Pick<ConversationOpened, 'occurredAt'> & Partial<ConversationOpened>,
): ConversationOpened {
  return {
    eventId: `opened:${conversationId}`,
    workspaceId,
    conversationId,
    inboxId: '00000000-0000-4000-8000-0000000000a1',
    channel: Channel.Web,
    customerId: '00000000-0000-4000-8000-0000000000c1',
    customerExternalId: 'visitor-1',
    departmentId: null,
    reopened: false,
    ...fields,
  };
}

function message(
  workspaceId: string,
  conversationId: string,
  fields: Pick<MessageCreated, 'senderType' | 'createdAt'> & Partial<MessageCreated>,
): MessageCreated {
  const messageId = randomUUID();
  const fromCustomer = fields.senderType === SenderType.Customer;
  return {
    eventId: `conversation.message.created:${messageId}`,
    workspaceId,
    conversationId,
    messageId,
    inboxId: '00000000-0000-4000-8000-0000000000a1',
    customerId: '00000000-0000-4000-8000-0000000000c1',
    channel: Channel.Web,
    customerExternalId: 'visitor-1',
    seq: 1,
    direction: fromCustomer ? MessageDirection.Inbound : MessageDirection.Outbound,
    content: 'hello',
    contentType: ContentType.Text,
    conversationOpened: false,
    ...fields,
  };
}

const byMetric = (clocks: SlaClockView[], metric: string) =>
  clocks.filter((clock) => clock.metric === metric);
const one = (clocks: SlaClockView[], metric: string, state?: string) =>
  byMetric(clocks, metric).find((clock) => state === undefined || clock.state === state);

describe('SLA clocks', () => {
  let bed: SlaTestbed;

  // hub_sla_clock_events_total, the numerator and denominator of the breach-rate alert.
  const toldCount = async (kind: string, metric: string): Promise<number> => {
    const counter = bed.app
      .get<Registry>(METRICS_REGISTRY)
      .getSingleMetric('hub_sla_clock_events_total');
    const { values } = await counter!.get();
    return values.find((v) => v.labels.kind === kind && v.labels.metric === metric)?.value ?? 0;
  };

  beforeAll(async () => {
    bed = await SlaTestbed.start('sla_clocks', '2026-11-27T00:00:00Z');
  });
  afterAll(async () => {
    await bed?.stop();
  });

  it('warns at 75 % and breaches a first response counted in business hours across the weekend', async () => {
    const workspaceId = randomUUID();
    const assigneeId = await bed.agent(workspaceId);
    const supervisorId = await bed.agent(workspaceId, AgentRole.Supervisor);
    const bystanderId = await bed.agent(workspaceId);
    await bed.request(SUBJECTS.routing.setBusinessHours, {
      workspaceId,
      departmentId: null,
      timeZone: 'Asia/Tokyo',
      week: {
        mon: [['09:00', '18:00']],
        tue: [['09:00', '18:00']],
        wed: [['09:00', '18:00']],
        thu: [['09:00', '18:00']],
        fri: [['09:00', '18:00']],
      },
      holidays: [],
    });
    await bed.request(
      SUBJECTS.routing.createSlaPolicy,
      policy(workspaceId, { firstResponseMinutes: 120, resolutionMinutes: 600, hours: 'business' }),
    );
    const toAssignee = await bed.watchAgent(assigneeId);
    const toSupervisor = await bed.watchAgent(supervisorId);
    const toBystander = await bed.watchAgent(bystanderId);

    // Friday 27 Nov, 17:00 in Tokyo: one business hour left that day.
    const ticketId = randomUUID();
    await bed.publish(
      SUBJECTS.crm.ticketChanged,
      ticketChanged(workspaceId, { id: ticketId, version: 1, assigneeId }, '2026-11-27T08:00:00Z'),
    );
    const clocks = await bed.clocksWhen(workspaceId, ticketId, (all) => all.length === 2);
    // 60 minutes on Friday, 60 on Monday from 09:00: due Monday 10:00 Tokyo, warned at 09:30.
    expect(one(clocks, 'first_response')).toMatchObject({
      state: 'running',
      targetMinutes: 120,
      businessHours: true,
      dueAt: '2026-11-30T01:00:00.000Z',
    });

    await bed.sweepAt('2026-11-28T12:00:00Z');
    expect(await bed.slaEvents(ticketId)).toEqual([]);

    await bed.sweepAt('2026-11-30T00:30:00Z');
    await bed.sweepAt('2026-11-30T00:45:00Z');
    expect(await bed.slaEvents(ticketId)).toEqual([
      expect.objectContaining({
        subject: SUBJECTS.routing.slaWarned.subject,
        metric: 'first_response',
        dueAt: '2026-11-30T01:00:00.000Z',
        occurredAt: '2026-11-30T00:30:00.000Z',
      }),
    ]);

    const breachesBefore = await toldCount('breached', 'first_response');
    await bed.sweepAt('2026-11-30T01:00:00Z');
    expect((await bed.slaEvents(ticketId)).map((event) => event.subject)).toEqual([
      SUBJECTS.routing.slaWarned.subject,
      SUBJECTS.routing.slaBreached.subject,
    ]);
    expect(await toldCount('breached', 'first_response')).toBe(breachesBefore + 1);
    expect(one(await bed.clocks(workspaceId, ticketId), 'first_response')).toMatchObject({
      state: 'running',
      breachedAt: '2026-11-30T01:00:00.000Z',
    });

    for (const inbox of [toAssignee, toSupervisor]) {
      await waitFor(() => inbox.length >= 2, 15_000);
      expect(inbox).toEqual([
        expect.objectContaining({ type: 'sla.alert', kind: 'warned' }),
        expect.objectContaining({
          type: 'sla.alert',
          kind: 'breached',
        }),
      ]);
      expect(inbox.map((event) => event.type === 'sla.alert' && event.clock)).toEqual([
        expect.objectContaining({ subjectId: ticketId, metric: 'first_response' }),
        expect.objectContaining({ subjectId: ticketId, metric: 'first_response' }),
      ]);
    }
    expect(toBystander).toEqual([]);
  });

  it('pauses resolution while pending, resumes where it stopped, and meets both targets', async () => {
    const workspaceId = randomUUID();
    await bed.request(
      SUBJECTS.routing.createSlaPolicy,
      policy(workspaceId, { firstResponseMinutes: 60, resolutionMinutes: 240 }),
    );
    const ticketId = randomUUID();
    const t0 = '2026-12-01T00:00:00.000Z';
    const change = (version: number, status: TicketStatus, after: number) =>
      bed.publish(
        SUBJECTS.crm.ticketChanged,
        ticketChanged(
          workspaceId,
          { id: ticketId, version, status, createdAt: t0 },
          plus(t0, after),
        ),
      );

    await change(1, TicketStatus.New, 0);
    await bed.clocksWhen(workspaceId, ticketId, (all) => all.length === 2);
    // Waiting on the customer: the agent has answered, and the customer's time does not count.
    await change(2, TicketStatus.Pending, minutes(30));
    let clocks = await bed.clocksWhen(
      workspaceId,
      ticketId,
      (all) => one(all, 'resolution')?.state === 'paused',
    );
    expect(one(clocks, 'first_response')).toMatchObject({ state: 'met', consumedMinutes: 30 });
    expect(one(clocks, 'resolution')).toMatchObject({ consumedMinutes: 30, dueAt: null });

    // Five hours later the customer is back: 210 minutes are left from then.
    await change(3, TicketStatus.Open, minutes(300));
    clocks = await bed.clocksWhen(
      workspaceId,
      ticketId,
      (all) => one(all, 'resolution')?.state === 'running',
    );
    expect(one(clocks, 'resolution')?.dueAt).toBe(plus(t0, minutes(510)));
    await bed.sweepAt(plus(t0, minutes(360)));
    expect(await bed.slaEvents(ticketId)).toEqual([
      expect.objectContaining({ kind: 'met', metric: 'first_response' }),
    ]);

    await change(4, TicketStatus.Solved, minutes(420));
    clocks = await bed.clocksWhen(
      workspaceId,
      ticketId,
      (all) => one(all, 'resolution')?.state === 'met',
    );
    expect(one(clocks, 'resolution')?.consumedMinutes).toBe(150);
    // Solved long before the old due time: nothing left to tell.
    await bed.sweepAt(plus(t0, minutes(600)));
    expect((await bed.slaEvents(ticketId)).map((event) => [event.kind, event.metric])).toEqual([
      ['met', 'first_response'],
      ['met', 'resolution'],
    ]);

    // An older change arriving late (a redelivery from before the solve) changes nothing.
    await bed.publish(SUBJECTS.crm.ticketChanged, {
      ...ticketChanged(
        workspaceId,
        { id: ticketId, version: 3, status: TicketStatus.Open, createdAt: t0 },
        plus(t0, minutes(300)),
      ),
      eventId: `late:${ticketId}`,
    });
    await bed.publish(
      SUBJECTS.crm.ticketChanged,
      ticketChanged(
        workspaceId,
        { id: ticketId, version: 5, status: TicketStatus.Closed, createdAt: t0 },
        plus(t0, minutes(500)),
      ),
    );
    await waitFor(async () => (await ticketVersion(bed, ticketId)) === 5, 15_000);
    clocks = await bed.clocks(workspaceId, ticketId);
    expect(clocks.map((clock) => clock.state).sort()).toEqual(['met', 'met']);
  });

  it('applies a ticket’s changes in version order when a later one is delivered first', async () => {
    const workspaceId = randomUUID();
    await bed.request(
      SUBJECTS.routing.createSlaPolicy,
      policy(workspaceId, { firstResponseMinutes: 60, resolutionMinutes: 240 }),
    );
    const ticketId = randomUUID();
    const t0 = '2026-12-06T00:00:00.000Z';
    const change = (version: number, status: TicketStatus, after: number) =>
      bed.publish(
        SUBJECTS.crm.ticketChanged,
        ticketChanged(
          workspaceId,
          { id: ticketId, version, status, createdAt: t0 },
          plus(t0, after),
        ),
      );
    await change(1, TicketStatus.Open, 0);
    await bed.clocksWhen(workspaceId, ticketId, (all) => all.length === 2);

    // As another replica might: version 3 (back to open) before version 2 (pending).
    await change(3, TicketStatus.Open, minutes(60));
    await change(2, TicketStatus.Pending, minutes(30));
    await waitFor(async () => (await ticketVersion(bed, ticketId)) === 3, 15_000);
    const clocks = await bed.clocks(workspaceId, ticketId);
    expect(one(clocks, 'first_response')).toMatchObject({ state: 'met', consumedMinutes: 30 });
    expect(one(clocks, 'resolution')).toMatchObject({
      state: 'running',
      dueAt: plus(t0, minutes(60 + 210)),
    });
  });

  it('keeps one clock for a ticket whichever channel the customer writes on', async () => {
    const workspaceId = randomUUID();
    await bed.request(
      SUBJECTS.routing.createSlaPolicy,
      policy(workspaceId, {
        firstResponseMinutes: 60,
        nextResponseMinutes: 30,
        resolutionMinutes: 1440,
      }),
    );
    const chat = randomUUID();
    const email = randomUUID();
    const ticketId = randomUUID();
    const t0 = '2026-12-02T00:00:00.000Z';

    await bed.publish(
      SUBJECTS.conversation.messageCreated,
      message(workspaceId, chat, {
        senderType: SenderType.Customer,
        createdAt: t0,
        conversationOpened: true,
      }),
    );
    await bed.clocksWhen(workspaceId, chat, (all) => all.length === 2);

    // The agent turns the chat into a ticket: its clocks move to the ticket, time kept.
    await bed.publish(
      SUBJECTS.crm.ticketChanged,
      ticketChanged(
        workspaceId,
        { id: ticketId, version: 1, conversationIds: [chat], createdAt: plus(t0, minutes(10)) },
        plus(t0, minutes(10)),
      ),
    );
    let clocks = await bed.clocksWhen(workspaceId, ticketId, (all) => all.length === 2);
    expect(one(clocks, 'first_response')).toMatchObject({
      startedAt: t0,
      channel: Channel.Web,
      dueAt: plus(t0, minutes(60)),
    });
    expect(await bed.clocks(workspaceId, chat)).toEqual([]);

    await bed.publish(
      SUBJECTS.conversation.messageCreated,
      message(workspaceId, chat, {
        senderType: SenderType.Agent,
        createdAt: plus(t0, minutes(20)),
      }),
    );
    await bed.clocksWhen(
      workspaceId,
      ticketId,
      (all) => one(all, 'first_response')?.state === 'met',
    );

    // The customer follows up by email on the same ticket: next response, on the ticket.
    await bed.publish(
      SUBJECTS.crm.ticketChanged,
      ticketChanged(
        workspaceId,
        { id: ticketId, version: 2, conversationIds: [chat, email], createdAt: t0 },
        plus(t0, minutes(30)),
      ),
    );
    await waitFor(async () => (await ticketVersion(bed, ticketId)) === 2, 15_000);
    await bed.publish(
      SUBJECTS.conversation.messageCreated,
      message(workspaceId, email, {
        senderType: SenderType.Customer,
        channel: Channel.Email,
        createdAt: plus(t0, minutes(40)),
        conversationOpened: true,
      }),
    );
    clocks = await bed.clocksWhen(workspaceId, ticketId, (all) => !!one(all, 'next_response'));
    expect(one(clocks, 'next_response')).toMatchObject({
      state: 'running',
      channel: Channel.Email,
      dueAt: plus(t0, minutes(70)),
    });
    expect(await bed.clocks(workspaceId, email)).toEqual([]);

    // Answered in the chat: the one next-response clock is met.
    await bed.publish(
      SUBJECTS.conversation.messageCreated,
      message(workspaceId, chat, {
        senderType: SenderType.Agent,
        createdAt: plus(t0, minutes(50)),
      }),
    );
    clocks = await bed.clocksWhen(
      workspaceId,
      ticketId,
      (all) => one(all, 'next_response')?.state === 'met',
    );
    expect(byMetric(clocks, 'next_response')).toHaveLength(1);
    expect(byMetric(clocks, 'first_response')).toHaveLength(1);
  });

  it('re-targets open clocks when a ticket turns urgent or its requester VIP', async () => {
    const workspaceId = randomUUID();
    await bed.request(
      SUBJECTS.routing.createSlaPolicy,
      policy(workspaceId, { name: 'VIP', vip: true, firstResponseMinutes: 5 }),
    );
    await bed.request(
      SUBJECTS.routing.createSlaPolicy,
      policy(workspaceId, {
        name: 'Urgent',
        priorities: [Priority.Urgent],
        firstResponseMinutes: 15,
      }),
    );
    await bed.request(
      SUBJECTS.routing.createSlaPolicy,
      policy(workspaceId, { name: 'Default', firstResponseMinutes: 240 }),
    );
    const t0 = '2026-12-03T00:00:00.000Z';
    const urgent = randomUUID();
    await bed.publish(
      SUBJECTS.crm.ticketChanged,
      ticketChanged(workspaceId, { id: urgent, version: 1, createdAt: t0 }, t0),
    );
    let clocks = await bed.clocksWhen(workspaceId, urgent, (all) => all.length === 1);
    expect(clocks[0]).toMatchObject({ targetMinutes: 240, dueAt: plus(t0, minutes(240)) });

    await bed.publish(
      SUBJECTS.crm.ticketChanged,
      ticketChanged(
        workspaceId,
        { id: urgent, version: 2, priority: Priority.Urgent, createdAt: t0 },
        plus(t0, minutes(10)),
      ),
    );
    clocks = await bed.clocksWhen(workspaceId, urgent, (all) => all[0]?.targetMinutes === 15);
    // Ten minutes used, five left.
    expect(clocks[0]).toMatchObject({ priority: Priority.Urgent, dueAt: plus(t0, minutes(15)) });
    await bed.sweepAt(plus(t0, minutes(20)));
    expect((await bed.slaEvents(urgent)).map((event) => event.kind)).toEqual([
      'warned',
      'breached',
    ]);

    const vip = randomUUID();
    await bed.publish(
      SUBJECTS.crm.ticketChanged,
      ticketChanged(
        workspaceId,
        { id: vip, version: 1, vip: true, priority: Priority.Urgent, createdAt: t0 },
        t0,
      ),
    );
    clocks = await bed.clocksWhen(workspaceId, vip, (all) => all.length === 1);
    // The first matching policy wins: VIP comes before Urgent.
    expect(clocks[0]).toMatchObject({ targetMinutes: 5, vip: true });

    // A category policy placed before the default one catches billing tickets.
    const billing = randomUUID();
    await bed.request(
      SUBJECTS.routing.createSlaPolicy,
      policy(workspaceId, {
        name: 'Billing',
        position: 1,
        categoryIds: [billing],
        firstResponseMinutes: 45,
      }),
    );
    const listed = await bed.request(SUBJECTS.routing.listSlaPolicies, { workspaceId });
    expect(listed.map((p) => [p.name, p.position, p.categoryIds])).toEqual([
      ['VIP', 0, []],
      ['Urgent', 1, []],
      ['Billing', 1, [billing]],
      ['Default', 2, []],
    ]);
    const invoice = randomUUID();
    await bed.publish(
      SUBJECTS.crm.ticketChanged,
      ticketChanged(
        workspaceId,
        { id: invoice, version: 1, categoryId: billing, createdAt: t0 },
        t0,
      ),
    );
    clocks = await bed.clocksWhen(workspaceId, invoice, (all) => all.length === 1);
    expect(clocks[0].targetMinutes).toBe(45);
  });

  it('tells each warning and breach once while several sweeps run at the same time', async () => {
    const workspaceId = randomUUID();
    const supervisorId = await bed.agent(workspaceId, AgentRole.Admin);
    const toSupervisor = await bed.watchAgent(supervisorId);
    await bed.request(
      SUBJECTS.routing.createSlaPolicy,
      policy(workspaceId, { resolutionMinutes: 10 }),
    );
    const t0 = '2026-12-04T00:00:00.000Z';
    const tickets = Array.from({ length: 150 }, () => randomUUID());
    for (const id of tickets)
      await bed.publish(
        SUBJECTS.crm.ticketChanged,
        ticketChanged(workspaceId, { id, version: 1, createdAt: t0 }, t0),
      );
    await waitFor(async () => {
      const [{ count }] = await bed.sql<{ count: number }>(
        `select count(*)::int as count from routing.sla_clocks where workspace_id = $1`,
        [workspaceId],
      );
      return count === tickets.length;
    }, 30_000);

    // Past every due time: each pass claims what the others have not locked.
    bed.clock.set(plus(t0, minutes(30)));
    const sweep = bed.app.get(SlaSweep);
    await Promise.all([sweep.sweep(), sweep.sweep(), sweep.sweep()]);

    await waitFor(() => toSupervisor.length >= 2 * tickets.length, 15_000);
    const told = toSupervisor.map((event) =>
      event.type === 'sla.alert' ? `${event.kind}:${event.clock.subjectId}` : event.type,
    );
    expect(told).toHaveLength(2 * tickets.length);
    expect(new Set(told).size).toBe(2 * tickets.length);
    const [{ count }] = await bed.sql<{ count: number }>(
      `select count(*)::int as count from routing.outbox
        where workspace_id = $1 and subject = $2`,
      [workspaceId, SUBJECTS.routing.slaBreached.subject],
    );
    expect(count).toBe(tickets.length);
  });

  it('runs a conversation’s own clocks from its messages, in its department’s hours', async () => {
    const workspaceId = randomUUID();
    const departmentId = await bed.department(workspaceId);
    const nights = { mon: [['22:00', '02:00']] } as const;
    await bed.request(SUBJECTS.routing.setBusinessHours, {
      workspaceId,
      departmentId: null,
      timeZone: 'UTC',
      week: { sun: [['00:00', '24:00']] },
      holidays: [],
    });
    await bed.request(SUBJECTS.routing.setBusinessHours, {
      workspaceId,
      departmentId,
      timeZone: 'Europe/London',
      week: { mon: [[...nights.mon[0]]] },
      holidays: [],
    });
    await bed.request(
      SUBJECTS.routing.createSlaPolicy,
      policy(workspaceId, {
        firstResponseMinutes: 60,
        nextResponseMinutes: 120,
        resolutionMinutes: 600,
        hours: 'business',
      }),
    );
    const conversationId = randomUUID();
    // Monday 7 Dec, 23:30 London: the night shift runs until 02:00.
    const t0 = '2026-12-07T23:30:00.000Z';
    await bed.publish(
      SUBJECTS.conversation.conversationOpened,
      opened(workspaceId, conversationId, { occurredAt: t0, departmentId }),
    );
    await bed.publish(
      SUBJECTS.conversation.messageCreated,
      message(workspaceId, conversationId, {
        senderType: SenderType.Customer,
        createdAt: t0,
        conversationOpened: true,
      }),
    );
    let clocks = await bed.clocksWhen(
      workspaceId,
      conversationId,
      (all) => all.length === 2 && all.every((clock) => clock.departmentId === departmentId),
    );
    expect(one(clocks, 'first_response')?.dueAt).toBe('2026-12-08T00:30:00.000Z');

    await bed.publish(
      SUBJECTS.conversation.messageCreated,
      message(workspaceId, conversationId, {
        senderType: SenderType.Agent,
        createdAt: '2026-12-08T00:10:00.000Z',
      }),
    );
    await bed.publish(
      SUBJECTS.conversation.messageCreated,
      message(workspaceId, conversationId, {
        senderType: SenderType.Customer,
        createdAt: '2026-12-08T01:00:00.000Z',
      }),
    );
    clocks = await bed.clocksWhen(workspaceId, conversationId, (all) => all.length === 3);
    expect(one(clocks, 'first_response')?.state).toBe('met');
    // One hour left tonight, the other next Monday from 22:00.
    expect(one(clocks, 'next_response')?.dueAt).toBe('2026-12-14T23:00:00.000Z');

    await bed.publish(SUBJECTS.conversation.conversationResolved, {
      eventId: `resolved:${conversationId}`,
      workspaceId,
      conversationId,
      occurredAt: '2026-12-08T01:30:00.000Z',
      assigneeId: null,
    });
    clocks = await bed.clocksWhen(workspaceId, conversationId, (all) =>
      all.every((clock) => clock.stoppedAt !== null),
    );
    expect(clocks.map((clock) => [clock.metric, clock.state]).sort()).toEqual([
      ['first_response', 'met'],
      ['next_response', 'cancelled'],
      ['resolution', 'met'],
    ]);

    // The customer writes again: the conversation reopens with a new resolution clock, and
    // (first response long done) a next-response one.
    await bed.publish(
      SUBJECTS.conversation.messageCreated,
      message(workspaceId, conversationId, {
        senderType: SenderType.Customer,
        createdAt: '2026-12-14T22:00:00.000Z',
        conversationOpened: true,
      }),
    );
    clocks = await bed.clocksWhen(workspaceId, conversationId, (all) => all.length === 5);
    expect(
      clocks
        .filter((clock) => clock.state === 'running')
        .map((clock) => clock.metric)
        .sort(),
    ).toEqual(['next_response', 'resolution']);
    expect(byMetric(clocks, 'first_response')).toHaveLength(1);
  });

  it('starts no clock when a conversation opens by an agent’s invitation, only at the customer’s first message', async () => {
    const workspaceId = randomUUID();
    const agentId = await bed.agent(workspaceId);
    await bed.request(
      SUBJECTS.routing.createSlaPolicy,
      policy(workspaceId, { firstResponseMinutes: 60, resolutionMinutes: 600 }),
    );
    const conversationId = randomUUID();
    const t0 = '2026-12-09T10:00:00.000Z';
    await bed.publish(
      SUBJECTS.conversation.conversationOpened,
      opened(workspaceId, conversationId, { occurredAt: t0, assigneeId: agentId }),
    );
    await bed.publish(
      SUBJECTS.conversation.messageCreated,
      message(workspaceId, conversationId, {
        senderType: SenderType.Agent,
        senderId: agentId,
        assigneeId: agentId,
        createdAt: t0,
        conversationOpened: true,
      }),
    );
    await bed.consumed('routing_sla_opened');
    await bed.consumed('routing_messages');

    const t1 = '2026-12-09T10:30:00.000Z';
    await bed.publish(
      SUBJECTS.conversation.messageCreated,
      message(workspaceId, conversationId, { senderType: SenderType.Customer, createdAt: t1 }),
    );
    const clocks = await bed.clocksWhen(workspaceId, conversationId, (all) => all.length === 2);
    expect(one(clocks, 'first_response')?.dueAt).toBe('2026-12-09T11:30:00.000Z');
    expect(one(clocks, 'resolution')?.dueAt).toBe('2026-12-09T20:30:00.000Z');
  });

  it('starts a new resolution clock when a solved ticket reopens, and does not pause on hold', async () => {
    const workspaceId = randomUUID();
    await bed.request(
      SUBJECTS.routing.createSlaPolicy,
      policy(workspaceId, { resolutionMinutes: 120 }),
    );
    const ticketId = randomUUID();
    const t0 = '2026-12-05T00:00:00.000Z';
    const change = (version: number, status: TicketStatus, after: number) =>
      bed.publish(
        SUBJECTS.crm.ticketChanged,
        ticketChanged(
          workspaceId,
          { id: ticketId, version, status, createdAt: t0 },
          plus(t0, after),
        ),
      );

    await change(1, TicketStatus.OnHold, 0);
    await change(2, TicketStatus.Solved, minutes(90));
    await bed.clocksWhen(workspaceId, ticketId, (all) => all[0]?.state === 'met');
    await change(3, TicketStatus.Open, minutes(200));
    const clocks = await bed.clocksWhen(workspaceId, ticketId, (all) => all.length === 2);
    expect(clocks.map((clock) => [clock.state, clock.consumedMinutes, clock.dueAt])).toEqual([
      ['running', 0, plus(t0, minutes(320))],
      ['met', 90, null],
    ]);
  });
});

async function ticketVersion(bed: SlaTestbed, ticketId: string): Promise<number | undefined> {
  const [row] = await bed.sql<{ version: number }>(
    `select version from routing.sla_tickets where ticket_id = $1`,
    [ticketId],
  );
  return row?.version;
}
