import { randomUUID } from 'node:crypto';
import {
  SUBJECTS,
  type CrmActor,
  type ResolveCustomerRequest,
  type ResolveCustomersReply,
} from '@hub/contracts';
import { Channel } from '@hub/domain';
import { ResolveCustomers } from '../src/customers/resolve-customers.use-case';
import { CrmTestBed } from './support/crm-test-bed';

describe('crm resolving many channel identities in one request', () => {
  let crm: CrmTestBed;
  const agent: CrmActor = { type: 'agent', id: randomUUID() };

  beforeAll(async () => {
    crm = await CrmTestBed.start('resolve-many', { replicas: 2 });
  });

  afterAll(async () => {
    await crm.stop();
  });

  function contact(
    workspaceId: string,
    overrides: Partial<ResolveCustomerRequest> = {},
  ): ResolveCustomerRequest {
    return {
      workspaceId,
      channel: Channel.Web,
      externalId: `visitor-${randomUUID()}`,
      ...overrides,
    };
  }

  function resolveMany(items: ResolveCustomerRequest[]): Promise<ResolveCustomersReply> {
    return crm.request(SUBJECTS.crm.resolveCustomers, { items });
  }

  async function rows(workspaceId: string) {
    const [counts] = await crm.query<Record<string, number>>(
      `select (select count(*)::int from crm.customers where workspace_id = $1) as customers,
              (select count(*)::int from crm.customer_identities where workspace_id = $1) as identities,
              (select count(*)::int from crm.audit_entries
                where workspace_id = $1 and action = 'created') as created,
              (select count(*)::int from crm.outbox where workspace_id = $1) as events`,
      [workspaceId],
    );
    return counts;
  }

  it('creates a customer with its identity, audit entry and event for each new identity', async () => {
    const workspaceId = randomUUID();
    const items = [
      contact(workspaceId, { name: 'Ada', email: 'ada@example.test', phone: '+44 20 7946 0000' }),
      contact(workspaceId, { channel: Channel.Telegram, externalId: '42' }),
      contact(workspaceId, { name: 'Grace' }),
    ];

    const { customers } = await resolveMany(items);

    expect(customers).toEqual(
      items.map(() => ({ customerId: expect.any(String) as string, created: true, vip: false })),
    );
    expect(new Set(customers.map((c) => c.customerId)).size).toBe(3);
    expect(await rows(workspaceId)).toEqual({ customers: 3, identities: 3, created: 3, events: 3 });
    const ada = await crm.request(SUBJECTS.crm.getCustomer, {
      workspaceId,
      customerId: customers[0].customerId,
    });
    expect(ada).toMatchObject({
      name: 'Ada',
      email: 'ada@example.test',
      phone: '+44 20 7946 0000',
      emailVerified: false,
      identities: [{ channel: Channel.Web, externalId: items[0].externalId, verified: false }],
    });
    // The same audit entry as a first contact of `crm.customer.resolve` writes.
    const [entry] = await crm.query<{ changes: unknown }>(
      `select changes from crm.audit_entries where entity_id = $1`,
      [customers[0].customerId],
    );
    expect(entry.changes).toEqual([
      { field: 'name', from: null, to: 'Ada' },
      { field: 'email', from: null, to: 'ada@example.test' },
      { field: 'phone', from: null, to: '+44 20 7946 0000' },
      {
        field: 'identities',
        from: null,
        to: { channel: Channel.Web, externalId: items[0].externalId, verified: false },
      },
    ]);
  });

  it('answers known identities with their customers, VIP flag included, and creates nothing for them', async () => {
    const workspaceId = randomUUID();
    const known = contact(workspaceId);
    const { customerId } = await crm.request(SUBJECTS.crm.resolveCustomer, known);
    await crm.request(SUBJECTS.crm.updateCustomer, {
      workspaceId,
      customerId,
      actor: agent,
      vip: true,
    });
    const fresh = contact(workspaceId);

    const { customers } = await resolveMany([known, fresh]);

    expect(customers[0]).toEqual({ customerId, created: false, vip: true });
    expect(customers[1]).toMatchObject({ created: true, vip: false });
    expect(await rows(workspaceId)).toMatchObject({ customers: 2, identities: 2, created: 2 });
  });

  it('gives two items of the same identity in one batch one customer, created by the first', async () => {
    const workspaceId = randomUUID();
    const item = contact(workspaceId, { name: 'Twice' });

    const { customers } = await resolveMany([item, contact(workspaceId), item]);

    expect(customers[0]).toMatchObject({ created: true });
    expect(customers[2]).toEqual({ ...customers[0], created: false });
    expect(await rows(workspaceId)).toEqual({ customers: 2, identities: 2, created: 2, events: 2 });
  });

  it('answers a redelivered batch with the same customers and creates no second one', async () => {
    const workspaceId = randomUUID();
    const items = [contact(workspaceId), contact(workspaceId, { name: 'Again' })];
    const first = await resolveMany(items);

    const again = await resolveMany(items);

    expect(again.customers).toEqual(first.customers.map((c) => ({ ...c, created: false })));
    expect(await rows(workspaceId)).toEqual({ customers: 2, identities: 2, created: 2, events: 2 });
  });

  it('gives batches racing over the same identities on two replicas one customer per identity', async () => {
    const workspaceId = randomUUID();
    const items = Array.from({ length: 10 }, () => contact(workspaceId));
    const replicas = crm.replicas.map((app) => app.get(ResolveCustomers));

    const replies = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        // Each batch in another order, so the racers reach the identities differently.
        replicas[i % 2].execute({ items: i % 3 === 0 ? [...items].reverse() : items }),
      ),
    );

    for (const item of items) {
      const answers = replies.map(({ customers }, i) => {
        const order = i % 3 === 0 ? [...items].reverse() : items;
        return customers[order.indexOf(item)];
      });
      expect(new Set(answers.map((answer) => answer.customerId)).size).toBe(1);
      expect(answers.filter((answer) => answer.created)).toHaveLength(1);
    }
    // The losers' customer rows are gone, with no audit entry or event of theirs.
    expect(await rows(workspaceId)).toEqual({
      customers: 10,
      identities: 10,
      created: 10,
      events: 10,
    });
  });

  it('links a verified first contact to the customer holding that email verified, as one by one', async () => {
    const workspaceId = randomUUID();
    const holder = await crm.request(SUBJECTS.crm.createCustomer, {
      workspaceId,
      actor: agent,
      name: 'Sato Hanako',
      email: 'Hanako@Example.jp',
      emailVerified: true,
    });
    const verified = contact(workspaceId, {
      channel: Channel.Email,
      externalId: 'hanako@example.jp',
      email: 'hanako@example.jp',
      verified: true,
    });

    const { customers } = await resolveMany([contact(workspaceId), verified]);

    expect(customers[1]).toEqual({ customerId: holder.id, created: false, vip: false });
    expect(customers[0]).toMatchObject({ created: true });
    const [linked] = await crm.query<{ action: string }>(
      `select action from crm.audit_entries where entity_id = $1 order by id desc limit 1`,
      [holder.id],
    );
    expect(linked.action).toBe('identity_linked');
  });

  it('suggests the same links as one contact after the other, between new customers too', async () => {
    const workspaceId = randomUUID();
    const { customerId: earlier } = await crm.request(
      SUBJECTS.crm.resolveCustomer,
      contact(workspaceId, { name: 'Lee Wei' }),
    );

    const { customers } = await resolveMany([
      contact(workspaceId, { name: 'lee wei', phone: '+86 138 0000 1111' }),
      contact(workspaceId, { name: 'LEE WEI', phone: '8613800001111' }),
      contact(workspaceId, { name: 'Someone Else' }),
    ]);

    const [a, b] = customers.map((c) => c.customerId);
    const pairs = await crm.query<{ pair: string }>(
      `select customer_id || '-' || candidate_id || ':' || reason as pair
         from crm.customer_link_suggestions where workspace_id = $1`,
      [workspaceId],
    );
    const pair = (x: string, y: string, reason: string) =>
      `${x < y ? x : y}-${x < y ? y : x}:${reason}`;
    expect(pairs.map((row) => row.pair).sort()).toEqual(
      [
        pair(a, earlier, 'same_name'),
        pair(b, earlier, 'same_name'),
        pair(a, b, 'same_name'),
        pair(a, b, 'same_phone'),
      ].sort(),
    );
  });

  it('refuses an empty batch, an oversized one or an invalid item, and creates nobody', async () => {
    const workspaceId = randomUUID();
    const good = contact(workspaceId);

    for (const items of [
      [],
      Array.from({ length: 65 }, () => contact(workspaceId)),
      [good, { ...contact(workspaceId), externalId: '' }],
      [good, { ...contact(workspaceId), vip: true }],
    ]) {
      expect(await crm.refusal(SUBJECTS.crm.resolveCustomers, { items })).toMatchObject({
        kind: 'invalid',
        code: 'VALIDATION_FAILED',
      });
    }
    expect(await rows(workspaceId)).toMatchObject({ customers: 0, identities: 0 });
  });
});
