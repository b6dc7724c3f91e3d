import { randomUUID } from 'node:crypto';
import { SUBJECTS, type CustomerMergeView } from '@hub/contracts';
import { Channel } from '@hub/domain';
import { CrmTestBed } from './support/crm-test-bed';

// crm's side of a merge, with no conversation service answering: crm's part commits on its own
// and the conversation step is reported pending (the end-to-end suite runs both services).
describe('crm merging two customers and undoing it', () => {
  let crm: CrmTestBed;
  const actor = { agentId: randomUUID(), role: 'agent' as const };

  beforeAll(async () => {
    crm = await CrmTestBed.start('merge');
    // Another feature's additions, unknown to the merge code: columns on customers (one of
    // them generated) and a table pointing at customers by foreign key.
    await crm.query(
      `alter table crm.customers
         add column loyal boolean not null default false,
         add column labels text[] not null default '{}',
         add column name_upper text generated always as (upper(name)) stored;
       create table crm.test_links (
         id uuid primary key default gen_random_uuid(),
         workspace_id uuid not null,
         customer_id uuid not null references crm.customers (id) on delete cascade,
         label text not null
       )`,
      [],
    );
  });

  afterAll(async () => {
    await crm.stop();
  });

  async function customerWithEverything(workspaceId: string, label: string): Promise<string> {
    const { customerId } = await crm.request(SUBJECTS.crm.resolveCustomer, {
      workspaceId,
      channel: Channel.Web,
      externalId: `visitor-${label}-${randomUUID()}`,
      name: `Customer ${label}`,
    });
    const email = `${label}-${randomUUID()}@example.test`;
    // One statement at a time: pg refuses several with parameters.
    const statements: [string, unknown[]][] = [
      [
        `update crm.customers set loyal = $2, labels = $3 where id = $1`,
        [customerId, label === 'b', [label]],
      ],
      [
        `insert into crm.customer_identities (workspace_id, customer_id, channel, external_id)
         values ($1, $2, 'email', $3)`,
        [workspaceId, customerId, email],
      ],
      [
        `insert into crm.orders (workspace_id, customer_id, external_id, status, total_cents, currency, ordered_at)
         values ($1, $2, $3, 'paid', 1200, 'EUR', now())`,
        [workspaceId, customerId, `order-${label}-${randomUUID()}`],
      ],
      [
        `insert into crm.notes (workspace_id, author_id, body, customer_id) values ($1, $2, $3, $4)`,
        [workspaceId, actor.agentId, `note about ${label}`, customerId],
      ],
      [
        `insert into crm.tickets (workspace_id, subject, customer_id) values ($1, $2, $3)`,
        [workspaceId, `ticket of ${label}`, customerId],
      ],
      [
        `insert into crm.customer_attributes (workspace_id, customer_id, key, value)
         values ($1, $2, 'plan', to_jsonb($3::text)), ($1, $2, $4, 'true')`,
        [workspaceId, customerId, `plan-${label}`, `only-${label}`],
      ],
      [
        `insert into crm.test_links (workspace_id, customer_id, label) values ($1, $2, $3)`,
        [workspaceId, customerId, `link of ${label}`],
      ],
    ];
    for (const [sql, parameters] of statements) await crm.query(sql, parameters);
    return customerId;
  }

  const TABLES = [
    'crm.customer_identities',
    'crm.orders',
    'crm.notes',
    'crm.tickets',
    'crm.customer_attributes',
    'crm.test_links',
  ];

  /** Every row of both customers, whole, as jsonb: what "exactly as they were" compares. */
  async function everything(...customerIds: string[]): Promise<Record<string, unknown[]>> {
    const state: Record<string, unknown[]> = {
      'crm.customers': await crm.query(
        `select to_jsonb(c) as row from crm.customers c where id = any($1::uuid[]) order by id`,
        [customerIds],
      ),
    };
    for (const table of TABLES) {
      state[table] = await crm.query(
        `select to_jsonb(t) as row from ${table} t where customer_id = any($1::uuid[])
          order by to_jsonb(t)::text`,
        [customerIds],
      );
    }
    return state;
  }

  const merge = (workspaceId: string, customerId: string, otherCustomerId: string) =>
    crm.request(SUBJECTS.crm.mergeCustomers, { workspaceId, customerId, otherCustomerId, actor });

  const undo = (workspaceId: string, mergeId: string) =>
    crm.request(SUBJECTS.crm.undoCustomerMerge, { workspaceId, mergeId, actor });

  /** The primary keys of the rows of `table` the merge recorded as moved. */
  const movedKeys = async (mergeId: string, table: string) =>
    (
      await crm.query<{ id: string }>(
        `select key ->> 'id' as id
           from crm.customer_merges m, jsonb_array_elements(m.moved) rows,
                jsonb_array_elements(rows -> 'keys') key
          where m.id = $1 and rows ->> 'table' = $2`,
        [mergeId, table.replace(/(\w+)\.(\w+)/, '"$1"."$2"')],
      )
    ).map((row) => row.id);

  const count = async (table: string, customerId: string) =>
    Number(
      (
        await crm.query<{ n: string }>(
          `select count(*) as n from ${table} where customer_id = $1`,
          [customerId],
        )
      )[0].n,
    );

  it('moves identities, orders, notes, tickets, attributes and other tables’ rows to the surviving customer', async () => {
    const workspaceId = randomUUID();
    const a = await customerWithEverything(workspaceId, 'a');
    const b = await customerWithEverything(workspaceId, 'b');

    const view = await merge(workspaceId, a, b);

    expect(view).toMatchObject<Partial<CustomerMergeView>>({
      workspaceId,
      customerId: a,
      mergedCustomerId: b,
      mergedBy: actor.agentId,
      undoneAt: null,
      conversationsPending: true,
    });
    expect(Object.keys(view.moved).sort()).toEqual([...TABLES].sort());
    expect(view.moved).toMatchObject({ 'crm.customer_identities': 2, 'crm.orders': 1 });
    await expect(
      crm.request(SUBJECTS.crm.getCustomer, { workspaceId, customerId: b }),
    ).rejects.toMatchObject({ code: 'CUSTOMER_NOT_FOUND' });
    const survivor = await crm.request(SUBJECTS.crm.getCustomer, { workspaceId, customerId: a });
    expect(survivor.identities).toHaveLength(4);
    for (const table of ['crm.orders', 'crm.notes', 'crm.tickets', 'crm.test_links'])
      expect([table, await count(table, a)]).toEqual([table, 2]);
    // Both had `plan`: the survivor's value stays; b's own key moved.
    const attributes = await crm.query<{ key: string; value: unknown }>(
      `select key, value from crm.customer_attributes where customer_id = $1 order by key`,
      [a],
    );
    expect(attributes).toEqual([
      { key: 'only-a', value: true },
      { key: 'only-b', value: true },
      { key: 'plan', value: 'plan-a' },
    ]);
    // A new message on b's identity now resolves to a.
    const visitor = survivor.identities.filter((i) => i.channel === 'web');
    for (const identity of visitor) {
      const resolved = await crm.request(SUBJECTS.crm.resolveCustomer, {
        workspaceId,
        channel: Channel.Web,
        externalId: identity.externalId,
      });
      expect(resolved).toEqual({ customerId: a, created: false, vip: false });
    }
  });

  it('undoes a merge exactly: both records, every column and every row as they were', async () => {
    const workspaceId = randomUUID();
    const a = await customerWithEverything(workspaceId, 'a');
    const b = await customerWithEverything(workspaceId, 'b');
    const before = await everything(a, b);

    const { id } = await merge(workspaceId, a, b);
    const undone = await undo(workspaceId, id);

    expect(undone).toMatchObject({ id, undoneBy: actor.agentId });
    expect(undone.undoneAt).not.toBeNull();
    expect(await everything(a, b)).toEqual(before);
  });

  it('keeps what changed since the merge: new rows of the survivor stay, moved rows go back as edited', async () => {
    const workspaceId = randomUUID();
    const a = await customerWithEverything(workspaceId, 'a');
    const b = await customerWithEverything(workspaceId, 'b');
    const { id } = await merge(workspaceId, a, b);
    const [bOrder] = await movedKeys(id, 'crm.orders');
    await crm.query(`update crm.orders set status = 'refunded' where id = $1`, [bOrder]);
    await crm.query(
      `insert into crm.orders (workspace_id, customer_id, external_id, status, total_cents, currency, ordered_at)
       values ($1, $2, 'after-merge', 'paid', 500, 'EUR', now())`,
      [workspaceId, a],
    );

    await undo(workspaceId, id);

    const orders = await crm.query<{ customer_id: string; external_id: string; status: string }>(
      `select customer_id, external_id, status from crm.orders where customer_id = any($1::uuid[])
        order by external_id`,
      [[a, b]],
    );
    expect(orders).toContainEqual({ customer_id: a, external_id: 'after-merge', status: 'paid' });
    expect(orders.filter((o) => o.customer_id === b)).toEqual([
      expect.objectContaining({ status: 'refunded' }),
    ]);
    expect(await count('crm.orders', a)).toBe(2);
  });

  it('records who merged and undid, on both customers and on each moved ticket, and publishes both events through the outbox', async () => {
    const workspaceId = randomUUID();
    const a = await customerWithEverything(workspaceId, 'a');
    const b = await customerWithEverything(workspaceId, 'b');
    const { id } = await merge(workspaceId, a, b);
    await undo(workspaceId, id);

    const audit = await crm.query<{ entity_id: string; action: string; actor_id: string }>(
      // After the records' own creation (resolve audits it too).
      `select entity_id, action, actor_id from crm.audit_entries
        where workspace_id = $1 and action <> 'created' order by id`,
      [workspaceId],
    );
    const [ticket] = await movedKeys(id, 'crm.tickets');
    expect(audit).toEqual([
      { entity_id: a, action: 'merged', actor_id: actor.agentId },
      { entity_id: b, action: 'merged_into', actor_id: actor.agentId },
      { entity_id: ticket, action: 'requester_changed', actor_id: actor.agentId },
      { entity_id: a, action: 'unmerged', actor_id: actor.agentId },
      { entity_id: b, action: 'restored', actor_id: actor.agentId },
      { entity_id: ticket, action: 'requester_changed', actor_id: actor.agentId },
    ]);
    const events = await crm.query<{ subject: string; payload: Record<string, unknown> }>(
      `select subject, payload from crm.outbox
        where workspace_id = $1 and subject like 'evt.crm.customer.%merged.v1' order by id`,
      [workspaceId],
    );
    const identityIds = (await movedKeys(id, 'crm.customer_identities')).sort();
    const published = events.map(({ subject, payload }) => ({
      subject,
      ids: [payload.mergeId, payload.customerId, payload.mergedCustomerId],
      identityIds: [...(payload.identityIds as string[])].sort(),
    }));
    expect(published).toEqual([
      { subject: 'evt.crm.customer.merged.v1', ids: [id, a, b], identityIds },
      { subject: 'evt.crm.customer.unmerged.v1', ids: [id, a, b], identityIds },
    ]);
  });

  describe('refusals, each changing nothing', () => {
    it('refuses a merge of a customer with itself', async () => {
      const workspaceId = randomUUID();
      const a = await customerWithEverything(workspaceId, 'a');
      const before = await everything(a);

      const refusal = await crm.refusal(SUBJECTS.crm.mergeCustomers, {
        workspaceId,
        customerId: a,
        otherCustomerId: a,
        actor,
      });

      expect(refusal.code).toBe('CUSTOMER_MERGE_SAME');
      expect(await everything(a)).toEqual(before);
    });

    it('refuses a merge with a customer of another workspace as not found, either way round', async () => {
      const workspaceId = randomUUID();
      const a = await customerWithEverything(workspaceId, 'a');
      const stranger = await customerWithEverything(randomUUID(), 'b');
      const before = await everything(a, stranger);

      for (const [customerId, otherCustomerId] of [
        [a, stranger],
        [stranger, a],
      ]) {
        const refusal = await crm.refusal(SUBJECTS.crm.mergeCustomers, {
          workspaceId,
          customerId,
          otherCustomerId,
          actor,
        });
        expect(refusal.code).toBe('CUSTOMER_NOT_FOUND');
      }
      expect(await everything(a, stranger)).toEqual(before);
    });

    it('refuses to merge a customer merged away already, and into one', async () => {
      const workspaceId = randomUUID();
      const a = await customerWithEverything(workspaceId, 'a');
      const b = await customerWithEverything(workspaceId, 'b');
      const c = await customerWithEverything(workspaceId, 'c');
      await merge(workspaceId, a, b);
      const before = await everything(a, c);

      for (const [customerId, otherCustomerId] of [
        [c, b],
        [b, c],
      ]) {
        const refusal = await crm.refusal(SUBJECTS.crm.mergeCustomers, {
          workspaceId,
          customerId,
          otherCustomerId,
          actor,
        });
        expect(refusal.code).toBe('CUSTOMER_ALREADY_MERGED');
        expect(refusal.message).toContain(a);
      }
      expect(await everything(a, c)).toEqual(before);
    });

    it('refuses an undo done already, one of another workspace, and one whose survivor was merged away since', async () => {
      const workspaceId = randomUUID();
      const a = await customerWithEverything(workspaceId, 'a');
      const b = await customerWithEverything(workspaceId, 'b');
      const c = await customerWithEverything(workspaceId, 'c');
      const first = await merge(workspaceId, a, b);
      await undo(workspaceId, first.id);
      const again = await crm.refusal(SUBJECTS.crm.undoCustomerMerge, {
        workspaceId,
        mergeId: first.id,
        actor,
      });
      expect(again.code).toBe('CUSTOMER_MERGE_ALREADY_UNDONE');

      const second = await merge(workspaceId, a, b);
      await merge(workspaceId, c, a);
      const before = await everything(a, b, c);
      const blocked = await crm.refusal(SUBJECTS.crm.undoCustomerMerge, {
        workspaceId,
        mergeId: second.id,
        actor,
      });
      expect(blocked.code).toBe('CUSTOMER_MERGE_UNDO_BLOCKED');
      const elsewhere = await crm.refusal(SUBJECTS.crm.undoCustomerMerge, {
        workspaceId: randomUUID(),
        mergeId: second.id,
        actor,
      });
      expect(elsewhere.code).toBe('CUSTOMER_MERGE_NOT_FOUND');
      expect(await everything(a, b, c)).toEqual(before);
    });
  });

  it('lets only one of two crossing merges of the same pair happen', async () => {
    const workspaceId = randomUUID();
    const a = await customerWithEverything(workspaceId, 'a');
    const b = await customerWithEverything(workspaceId, 'b');

    const outcomes = await Promise.allSettled([merge(workspaceId, a, b), merge(workspaceId, b, a)]);

    const merged = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.flatMap((o) =>
      o.status === 'rejected' ? [(o.reason as { code: string }).code] : [],
    );
    expect(merged).toHaveLength(1);
    expect(refused).toEqual(['CUSTOMER_ALREADY_MERGED']);
    const survivors = await crm.query<{ id: string }>(
      `select id from crm.customers where id = any($1::uuid[])`,
      [[a, b]],
    );
    expect(survivors).toHaveLength(1);
    expect(await count('crm.orders', survivors[0].id)).toBe(2);
  });
});
