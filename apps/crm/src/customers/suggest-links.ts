import type { LinkSuggestionReason } from '@hub/contracts';
import type { EntityManager } from 'typeorm';
import type { Customer } from './customer.entity';

/** At most this many other customers are suggested per reason: past it a name is just common. */
const MAX_CANDIDATES = 20;

const MATCHES: { reason: LinkSuggestionReason; field: 'name' | 'email' | 'phone'; sql: string }[] =
  [
    { reason: 'same_name', field: 'name', sql: 'lower(c.name) = lower($3)' },
    { reason: 'same_email', field: 'email', sql: 'lower(c.email) = lower($3)' },
    {
      reason: 'same_phone',
      field: 'phone',
      sql: `regexp_replace(c.phone, '\\D', '', 'g') = regexp_replace($3, '\\D', '', 'g')
        and regexp_replace($3, '\\D', '', 'g') <> ''`,
    },
  ];

/**
 * Stores a suggestion for each other customer of the workspace with the same name, email or
 * phone (digits compared) as `customer`, for agents to accept or dismiss. A pair already
 * suggested for a reason, or dismissed, is left as it is.
 */
export async function suggestLinks(tx: EntityManager, customer: Customer): Promise<void> {
  for (const match of MATCHES) {
    const value = customer[match.field];
    if (!value) continue;
    await tx.query(
      `insert into crm.customer_link_suggestions (workspace_id, customer_id, candidate_id, reason)
       select $1, least($2::uuid, c.id), greatest($2::uuid, c.id), '${match.reason}'
         from crm.customers c
        where c.workspace_id = $1 and c.id <> $2 and ${match.sql}
        limit ${MAX_CANDIDATES}
       on conflict (customer_id, candidate_id, reason) do nothing`,
      [customer.workspaceId, customer.id, value],
    );
  }
}
