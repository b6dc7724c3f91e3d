import {
  findPublicEvent,
  publicEventKey,
  schemaViolations,
  type ConversationOpened,
  type CustomerChanged,
  type MessageCreated,
  type TicketChanged,
} from '@hub/contracts';
import * as toPublic from './public-event-mapping';
import type { PublicEvent } from './public-event-mapping';

const ids = {
  workspace: '2f1e0d9c-8b7a-4695-a4b3-c2d1e0f9a8b7',
  conversation: '3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f9',
  inbox: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a',
  customer: '0d9f8e7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f',
  agent: '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d',
  message: '1e2d3c4b-5a69-4788-9796-a5b4c3d2e1f0',
  ticket: '5b0c3f9e-4c1a-4a8e-9d3e-0f3a2b1c4d5e',
};
const at = '2026-11-30T09:10:00.000Z';

const opened: ConversationOpened = {
  eventId: 'conversation.opened:1',
  workspaceId: ids.workspace,
  conversationId: ids.conversation,
  occurredAt: at,
  inboxId: ids.inbox,
  channel: 'api',
  customerId: ids.customer,
  customerExternalId: 'c-1',
  departmentId: null,
  reopened: false,
};

const message: MessageCreated = {
  eventId: 'conversation.message.created:1',
  workspaceId: ids.workspace,
  conversationId: ids.conversation,
  messageId: ids.message,
  inboxId: ids.inbox,
  customerId: ids.customer,
  channel: 'api',
  customerExternalId: 'c-1',
  seq: 2,
  direction: 'outbound',
  senderType: 'agent',
  senderId: ids.agent,
  content: 'It ships today.',
  contentType: 'text',
  createdAt: at,
  conversationOpened: false,
};

const ticket = (created: boolean): TicketChanged => ({
  eventId: `crm.ticket.changed:${created}`,
  workspaceId: ids.workspace,
  occurredAt: at,
  created,
  ticket: {
    id: ids.ticket,
    customerId: ids.customer,
    subject: 'Damaged',
    status: 'open',
    priority: 'high',
    categoryId: null,
    assigneeId: ids.agent,
    departmentId: null,
    vip: true,
    conversationIds: [ids.conversation],
    dueAt: null,
    version: 2,
    createdAt: at,
  },
  changes: [{ field: 'priority', from: 'normal', to: 'high' }],
  actorType: 'agent',
  actorId: ids.agent,
});

const customer: CustomerChanged = {
  eventId: 'crm.customer.changed:1',
  workspaceId: ids.workspace,
  occurredAt: at,
  customerId: ids.customer,
  action: 'updated',
  vip: true,
  changes: [{ field: 'vip', from: false, to: true }],
  actorType: 'agent',
  actorId: ids.agent,
};

const mapped: PublicEvent[] = [
  toPublic.conversationCreated(opened)!,
  toPublic.conversationAssigned({
    eventId: 'a',
    workspaceId: ids.workspace,
    conversationId: ids.conversation,
    occurredAt: at,
    assigneeId: ids.agent,
    previousAssigneeId: null,
  }),
  toPublic.conversationResolved({
    eventId: 'r',
    workspaceId: ids.workspace,
    conversationId: ids.conversation,
    occurredAt: at,
    assigneeId: null,
  }),
  toPublic.messageCreated(message),
  toPublic.ticketChanged(ticket(true)),
  toPublic.ticketChanged(ticket(false)),
  toPublic.customerUpdated(customer),
];

describe('public events made from internal ones', () => {
  it.each(mapped.map((event) => [event.type, event] as const))(
    'gives %s data its catalog schema accepts, in every version',
    (_, event) => {
      for (const [version, data] of Object.entries(event.data)) {
        const definition = findPublicEvent(publicEventKey(event.type, Number(version)));
        expect(definition).toBeDefined();
        expect(schemaViolations(definition!.schema, data)).toEqual([]);
      }
    },
  );

  it('covers every event type of the catalog', () => {
    expect(new Set(mapped.map((event) => event.type)).size).toBe(7);
  });

  it('says nothing of a reopened conversation (it is not a new one)', () => {
    expect(toPublic.conversationCreated({ ...opened, reopened: true })).toBeUndefined();
  });
});
