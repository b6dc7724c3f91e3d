import { outboxEntity } from '@hub/outbox';
import { AuditEntry } from './audit/audit-entry.entity';
import { AttributeDefinition } from './customers/attribute-definition.entity';
import { CustomerAttribute } from './customers/customer-attribute.entity';
import { CustomerIdentity } from './customers/customer-identity.entity';
import { Customer } from './customers/customer.entity';
import { LinkSuggestion } from './customers/link-suggestion.entity';
import { Note } from './notes/note.entity';
import { Order } from './orders/order.entity';
import { Ticket } from './tickets/ticket.entity';

export const crmEntities = [
  Customer,
  CustomerIdentity,
  CustomerAttribute,
  AttributeDefinition,
  LinkSuggestion,
  Order,
  Ticket,
  Note,
  AuditEntry,
  outboxEntity('crm'),
];
