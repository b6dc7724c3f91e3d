import type { EntityManager } from 'typeorm';

/** The attribute holding what a visitor typed about themself (never vouched for). */
export const UNVERIFIED_CONTACT_KEY = 'unverifiedContact';

export interface UnverifiedContact {
  name?: string;
  email?: string;
  phone?: string;
}

/**
 * Records contact data a visitor typed (pre-chat form, leave-a-message form): merged into the
 * customer's `unverifiedContact` attribute, and copied to the customer's name, email and phone
 * only where those are still empty, so what a site vouched for is never overwritten.
 */
export async function recordUnverifiedContact(
  tx: EntityManager,
  target: { workspaceId: string; customerId: string },
  contact: UnverifiedContact,
): Promise<void> {
  const given = Object.fromEntries(
    Object.entries(contact).filter(([, value]) => value !== undefined),
  ) as UnverifiedContact;
  if (Object.keys(given).length === 0) return;
  await tx.query(
    `insert into crm.customer_attributes (workspace_id, customer_id, key, value)
     values ($1, $2, $3, $4::jsonb)
     on conflict (customer_id, key)
     do update set value = crm.customer_attributes.value || excluded.value`,
    [target.workspaceId, target.customerId, UNVERIFIED_CONTACT_KEY, JSON.stringify(given)],
  );
  await tx.query(
    `update crm.customers
        set name = coalesce(name, $2), email = coalesce(email, $3), phone = coalesce(phone, $4),
            updated_at = now()
      where id = $1`,
    [target.customerId, given.name ?? null, given.email ?? null, given.phone ?? null],
  );
}
