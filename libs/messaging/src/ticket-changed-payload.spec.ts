import { randomUUID } from 'node:crypto';
import { TicketChanged } from '@hub/contracts';
import { validatePayloadSync } from './validate-payload';

// crm writes this event and three services consume it (SLA clocks, queue priorities, reports):
// what crm writes must pass the consumers' validation, old and new values of any JSON shape.
describe('evt.crm.ticket.changed.v1 as consumers validate it', () => {
  const ticketId = randomUUID();
  const event = {
    eventId: `crm.ticket.changed:${ticketId}:2`,
    workspaceId: randomUUID(),
    occurredAt: '2026-11-30T09:00:00.000Z',
    created: false,
    ticket: {
      id: ticketId,
      customerId: randomUUID(),
      subject: '返品について',
      status: 'pending',
      priority: 'urgent',
      categoryId: null,
      assigneeId: randomUUID(),
      departmentId: null,
      vip: true,
      conversationIds: [randomUUID()],
      dueAt: null,
      version: 2,
      createdAt: '2026-11-30T08:00:00.000Z',
    },
    changes: [
      { field: 'status', from: 'open', to: 'pending' },
      { field: 'tags', from: [], to: ['refund'] },
      { field: 'note', from: null, to: 'waiting for the photo' },
    ],
    actorType: 'agent',
    actorId: randomUUID(),
  };

  it('accepts a change of any JSON value', () => {
    const result = validatePayloadSync(TicketChanged, event);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('still refuses a change without its field', () => {
    const result = validatePayloadSync(TicketChanged, {
      ...event,
      changes: [{ from: 'open', to: 'pending' }],
    });
    expect(result.ok).toBe(false);
  });
});
