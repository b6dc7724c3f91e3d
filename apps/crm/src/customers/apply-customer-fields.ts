import { CUSTOMER_CHANGE_FIELDS, type CustomerFields } from '@hub/contracts';
import type { EntityManager } from 'typeorm';
import type { AuditChange } from '../audit/audit-entry.entity';
import { checkAttributeValues, type AttributeRule } from './attribute-values';
import { CustomerAttribute } from './customer-attribute.entity';
import type { Customer } from './customer.entity';

// The columns a write may set: every field of a change but the attributes (their own table).
const COLUMNS = CUSTOMER_CHANGE_FIELDS.filter(
  (field): field is Exclude<(typeof CUSTOMER_CHANGE_FIELDS)[number], 'attributes'> =>
    field !== 'attributes',
);

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Applies the given fields to a customer row (new, or loaded in `tx`), saves it and writes
 * its attribute values, after checking every value against `rules`: an unknown key or a wrong
 * type throws before anything is written. Returns what changed, old and new values.
 */
export async function applyCustomerFields(
  tx: EntityManager,
  customer: Customer,
  fields: CustomerFields,
  rules: AttributeRule[],
): Promise<AuditChange[]> {
  const attributes = checkAttributeValues(rules, fields.attributes ?? {});
  const changes: AuditChange[] = [];
  for (const column of COLUMNS) {
    const value = fields[column];
    if (value === undefined) continue;
    const to = column === 'tags' ? [...new Set(value as string[])] : value;
    if (same(customer[column], to)) continue;
    changes.push({ field: column, from: customer[column] ?? null, to });
    Object.assign(customer, { [column]: to });
  }
  // A new email or phone is not verified unless the same write says it is.
  if (changes.some((c) => c.field === 'email') && fields.emailVerified === undefined) {
    customer.emailVerified = false;
  }
  if (changes.some((c) => c.field === 'phone') && fields.phoneVerified === undefined) {
    customer.phoneVerified = false;
  }
  const isNew = !customer.id;
  await tx.save(customer);
  const attributeChanges = await writeAttributes(tx, customer, attributes);
  // An attribute change is a change of the customer: it moves to the top of "recently updated".
  if (!isNew && attributeChanges.length > 0 && changes.length === 0) {
    await tx.query(`update crm.customers set updated_at = now() where id = $1`, [customer.id]);
  }
  return [...changes, ...attributeChanges];
}

async function writeAttributes(
  tx: EntityManager,
  customer: Customer,
  write: ReturnType<typeof checkAttributeValues>,
): Promise<AuditChange[]> {
  const keys = [...write.set.keys(), ...write.remove];
  if (keys.length === 0) return [];
  const existing = await tx.findBy(CustomerAttribute, { customerId: customer.id });
  const before = new Map(existing.map((attribute) => [attribute.key, attribute.value]));
  const changes: AuditChange[] = [];
  for (const [key, value] of write.set) {
    if (same(before.get(key), value)) continue;
    await tx.query(
      `insert into crm.customer_attributes (workspace_id, customer_id, key, value)
       values ($1, $2, $3, $4::jsonb)
       on conflict (customer_id, key) do update set value = excluded.value`,
      [customer.workspaceId, customer.id, key, JSON.stringify(value)],
    );
    changes.push({ field: `attributes.${key}`, from: before.get(key) ?? null, to: value });
  }
  for (const key of write.remove) {
    if (!before.has(key)) continue;
    await tx.delete(CustomerAttribute, { customerId: customer.id, key });
    changes.push({ field: `attributes.${key}`, from: before.get(key), to: null });
  }
  return changes;
}
