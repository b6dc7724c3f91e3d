import { outboxEntity } from '@hub/outbox';
import { AuditEntry } from './audit/audit-entry.entity';
import { AttributeDefinition } from './customers/attribute-definition.entity';
import { Customer } from './customers/customer.entity';
import { CustomerAttribute } from './customers/customer-attribute.entity';
import { CustomerIdentity } from './customers/customer-identity.entity';
import { CustomerMerge } from './merges/customer-merge.entity';
import { LinkSuggestion } from './customers/link-suggestion.entity';
import { TicketCategory } from './categories/ticket-category.entity';
import { Note } from './notes/note.entity';
import { Order } from './orders/order.entity';
import { TicketReminder } from './tickets/reminders/ticket-reminder.entity';
import { TicketConversation } from './tickets/ticket-conversation.entity';
import { ConversationEventFact } from './reports/conversation-event-fact.entity';
import { ConversationSession } from './reports/conversation-session.entity';
import { ReportRebuild } from './reports/report-rebuild.entity';
import { SlaEventFact } from './reports/sla-event-fact.entity';
import { TicketEventFact } from './reports/ticket-event-fact.entity';
import { Ticket } from './tickets/ticket.entity';

export const crmEntities = [
  Customer,
  CustomerIdentity,
  CustomerAttribute,
  AttributeDefinition,
  LinkSuggestion,
  Order,
  Ticket,
  TicketCategory,
  TicketConversation,
  TicketReminder,
  Note,
  AuditEntry,
  outboxEntity('crm'),
  CustomerMerge,
  ConversationEventFact,
  ConversationSession,
  SlaEventFact,
  ReportRebuild,
  TicketEventFact,
];
