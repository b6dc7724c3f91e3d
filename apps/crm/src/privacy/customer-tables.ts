import type { CustomerTable } from '@hub/service-kit';

// Parameters: $1 workspace id, $2 customer id, $3 the customer's conversation ids (uuid[]).
const OF_CUSTOMER = 't.workspace_id = $1 and t.customer_id = $2';
const CUSTOMER_TICKETS = `select id from crm.tickets where workspace_id = $1 and customer_id = $2`;

/**
 * Every crm table holding a customer's data besides `crm.customers`, in erasure order
 * (children first: notes and audit entries refer to tickets, tickets restrict the customer's
 * deletion). A feature that adds a table of customer data adds it here, so export and erasure
 * cover it.
 */
export const CUSTOMER_TABLES: readonly CustomerTable[] = [
  {
    table: 'crm.notes',
    where: `t.workspace_id = $1 and (t.customer_id = $2 or t.ticket_id in (${CUSTOMER_TICKETS})
              or t.conversation_id = any($3::uuid[]))`,
  },
  {
    // Audit entries hold old and new values, so they are the customer's data too.
    table: 'crm.audit_entries',
    where: `t.workspace_id = $1 and ((t.entity_type = 'customer' and t.entity_id = $2)
              or (t.entity_type = 'ticket' and t.entity_id in (${CUSTOMER_TICKETS})))`,
  },
  {
    table: 'crm.ticket_reminders',
    where: `t.workspace_id = $1 and t.ticket_id in (${CUSTOMER_TICKETS})`,
  },
  {
    table: 'crm.ticket_conversations',
    where: `t.workspace_id = $1 and t.ticket_id in (${CUSTOMER_TICKETS})`,
  },
  { table: 'crm.tickets', where: OF_CUSTOMER },
  { table: 'crm.orders', where: OF_CUSTOMER },
  { table: 'crm.customer_attributes', where: OF_CUSTOMER },
  {
    table: 'crm.customer_link_suggestions',
    where: 't.workspace_id = $1 and (t.customer_id = $2 or t.candidate_id = $2)',
  },
  { table: 'crm.customer_identities', where: OF_CUSTOMER },
  {
    // A merge keeps the merged-away customer's whole row: it names the customer on either side.
    table: 'crm.customer_merges',
    where: 't.workspace_id = $1 and (t.customer_id = $2 or t.merged_customer_id = $2)',
  },
];
