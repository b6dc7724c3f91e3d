import type { LinkSuggestionReason } from '@hub/contracts';
import type { EntityManager } from 'typeorm';
import type { Customer } from './customer.entity';

/** At most this many other customers are suggested per reason: past it a name is just common. */
const MAX_CANDIDATES = 20;

type MatchField = 'name' | 'email' | 'phone';

const MATCHES: { reason: LinkSuggestionReason; field: MatchField; sql: string }[] = [
  { reason: 'same_name', field: 'name', sql: 'lower(c.name) = lower(n.value)' },
  { reason: 'same_email', field: 'email', sql: 'lower(c.email) = lower(n.value)' },
  {
    reason: 'same_phone',
    field: 'phone',
    sql: `regexp_replace(c.phone, '\\D', '', 'g') = regexp_replace(n.value, '\\D', '', 'g')
        and regexp_replace(n.value, '\\D', '', 'g') <> ''`,
  },
];

/**
 * Stores a suggestion for each other customer of the workspace with the same name, email or
 * phone (digits compared) as each of `customers`, for agents to accept or dismiss. A
 * pair already suggested for a reason, or dismissed, is left as it is. One statement per reason
 * for all of them: a pair is stored as (least, greatest), so two new customers of one call that
 * match each other make one suggestion, as they would one after the other.
 */
export async function suggestLinks(
  tx: EntityManager,
  customers: Pick<Customer, 'id' | 'workspaceId' | MatchField>[],
): Promise<void> {
  for (const match of MATCHES) {
    const matching = customers.filter((customer) => customer[match.field]);
    if (matching.length === 0) continue;
    await tx.query(
      `insert into crm.customer_link_suggestions (workspace_id, customer_id, candidate_id, reason)
       select n.workspace_id, least(n.id, c.id), greatest(n.id, c.id), '${match.reason}'
         from unnest($1::uuid[], $2::uuid[], $3::text[]) as n(workspace_id, id, value)
         cross join lateral (
           select c.id from crm.customers c
            where c.workspace_id = n.workspace_id and c.id <> n.id and ${match.sql}
            limit ${MAX_CANDIDATES}) c
       on conflict (customer_id, candidate_id, reason) do nothing`,
      [
        matching.map((customer) => customer.workspaceId),
        matching.map((customer) => customer.id),
        matching.map((customer) => customer[match.field]),
      ],
    );
  }
}
