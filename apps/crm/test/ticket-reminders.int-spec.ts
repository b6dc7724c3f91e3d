import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { realtimeSubjects, SUBJECTS, type TicketReminderRealtime } from '@hub/contracts';
import { type ServiceEnv } from '@hub/config';
import { AgentRole, Channel } from '@hub/domain';
import { namespacedSubject } from '@hub/messaging';
import { SERVICE_ENV } from '@hub/service-kit';
import { testServices, waitFor } from '@hub/testing';
import { CrmTestBed } from './support/crm-test-bed';

describe('crm ticket reminders', () => {
  let crm: CrmTestBed;
  let nc: NatsConnection;

  beforeAll(async () => {
    // Two replicas: both sweep, and each due reminder must still reach its agent once.
    crm = await CrmTestBed.start('ticket_reminders', { replicas: 2 });
    nc = await connect({ servers: testServices.natsUrl });
  });

  afterAll(async () => {
    await nc?.close();
    await crm?.stop();
  });

  function agentNotices(agentId: string): TicketReminderRealtime[] {
    const { HUB_NAMESPACE } = crm.replicas[0].get<ServiceEnv>(SERVICE_ENV);
    const notices: TicketReminderRealtime[] = [];
    nc.subscribe(namespacedSubject(HUB_NAMESPACE, realtimeSubjects.agent(agentId)), {
      callback: (_error, message) => void notices.push(message.json<TicketReminderRealtime>()),
    });
    return notices;
  }

  async function ticketFor(assigneeId: string | null) {
    const workspaceId = randomUUID();
    const { customerId } = await crm.request(SUBJECTS.crm.resolveCustomer, {
      workspaceId,
      channel: Channel.Telegram,
      externalId: randomUUID(),
    });
    return crm.request(SUBJECTS.crm.createTicket, {
      workspaceId,
      actor: { agentId: randomUUID(), role: AgentRole.Agent },
      customerId,
      subject: 'Call back about the refund',
      assigneeId,
    });
  }

  it('tells the assignee once when a reminder is due, and marks it sent', async () => {
    const assigneeId = randomUUID();
    const ticket = await ticketFor(assigneeId);
    const notices = agentNotices(assigneeId);
    await nc.flush();
    const remindAt = new Date(Date.now() + 500).toISOString();

    const reminder = await crm.request(SUBJECTS.crm.createTicketReminder, {
      workspaceId: ticket.workspaceId,
      ticketId: ticket.id,
      actor: { agentId: randomUUID(), role: AgentRole.Agent },
      remindAt,
      note: 'Ask whether the refund arrived',
    });

    await waitFor(
      () => notices.length > 0,
      10_000,
      () => 'no reminder notice',
    );
    expect(notices).toEqual([
      {
        type: 'ticket.reminder',
        workspaceId: ticket.workspaceId,
        reminderId: reminder.id,
        ticketId: ticket.id,
        subject: 'Call back about the refund',
        remindAt: new Date(remindAt).toISOString(),
        note: 'Ask whether the refund arrived',
      },
    ]);
    const [listed] = await crm.request(SUBJECTS.crm.listTicketReminders, {
      workspaceId: ticket.workspaceId,
      ticketId: ticket.id,
    });
    expect(listed.notifiedAt).not.toBeNull();
  });

  it('sends each of many due reminders exactly once while both replicas sweep', async () => {
    const assigneeId = randomUUID();
    const ticket = await ticketFor(assigneeId);
    const notices = agentNotices(assigneeId);
    await nc.flush();
    const remind = () =>
      crm.request(SUBJECTS.crm.createTicketReminder, {
        workspaceId: ticket.workspaceId,
        ticketId: ticket.id,
        actor: { agentId: randomUUID(), role: AgentRole.Agent },
        remindAt: new Date().toISOString(),
      });

    const reminders = await Promise.all(Array.from({ length: 30 }, remind));
    await waitFor(
      () => notices.length >= reminders.length,
      15_000,
      () => `${notices.length} of ${reminders.length} notices`,
    );
    // A reminder set after all of them is sent by a later pass: any duplicate is in by then.
    const marker = await remind();
    await waitFor(
      () => notices.some((notice) => notice.reminderId === marker.id),
      10_000,
      () => 'no notice of the last reminder',
    );

    const sent = notices.map((notice) => notice.reminderId).sort();
    expect(sent).toEqual([...reminders, marker].map((reminder) => reminder.id).sort());
  });

  it('tells the agent who set it when nobody has the ticket', async () => {
    const ticket = await ticketFor(null);
    const author = { agentId: randomUUID(), role: AgentRole.Agent };
    const notices = agentNotices(author.agentId);
    await nc.flush();

    await crm.request(SUBJECTS.crm.createTicketReminder, {
      workspaceId: ticket.workspaceId,
      ticketId: ticket.id,
      actor: author,
      remindAt: new Date().toISOString(),
    });

    await waitFor(
      () => notices.length === 1,
      10_000,
      () => `${notices.length} notices`,
    );
    expect(notices[0]).toMatchObject({ ticketId: ticket.id, note: null });
  });

  it('cancels a reminder before it is due; it is never sent', async () => {
    const ticket = await ticketFor(randomUUID());
    const base = { workspaceId: ticket.workspaceId, ticketId: ticket.id };
    const reminder = await crm.request(SUBJECTS.crm.createTicketReminder, {
      ...base,
      actor: { agentId: randomUUID(), role: AgentRole.Agent },
      remindAt: '2099-01-01T00:00:00Z',
    });

    const cancelled = await crm.request(SUBJECTS.crm.cancelTicketReminder, {
      ...base,
      reminderId: reminder.id,
    });
    const again = await crm.refusal(SUBJECTS.crm.cancelTicketReminder, {
      ...base,
      reminderId: reminder.id,
    });

    expect(cancelled).toMatchObject({ id: reminder.id, notifiedAt: null });
    expect(again.code).toBe('TICKET_REMINDER_NOT_FOUND');
    expect(await crm.request(SUBJECTS.crm.listTicketReminders, base)).toEqual([]);
  });

  it('refuses a reminder on a ticket of another workspace, or a time without a zone', async () => {
    const ticket = await ticketFor(null);
    const actor = { agentId: randomUUID(), role: AgentRole.Agent };

    const foreign = await crm.refusal(SUBJECTS.crm.createTicketReminder, {
      workspaceId: randomUUID(),
      ticketId: ticket.id,
      actor,
      remindAt: '2099-01-01T00:00:00Z',
    });
    const zoneless = await crm.refusal(SUBJECTS.crm.createTicketReminder, {
      workspaceId: ticket.workspaceId,
      ticketId: ticket.id,
      actor,
      remindAt: '2099-01-01T00:00:00',
    });

    expect([foreign.code, zoneless.code]).toEqual(['TICKET_NOT_FOUND', 'VALIDATION_FAILED']);
  });
});
