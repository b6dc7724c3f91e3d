import { randomUUID } from 'node:crypto';
import {
  SUBJECTS,
  type CreateCustomerRequest,
  type CrmActor,
  type CustomerView,
} from '@hub/contracts';
import { Channel } from '@hub/domain';
import { CrmTestBed } from './support/crm-test-bed';

describe('crm customer record: create, edit, tags, VIP and typed custom attributes', () => {
  let crm: CrmTestBed;
  const agent: CrmActor = { type: 'agent', id: randomUUID() };

  beforeAll(async () => {
    crm = await CrmTestBed.start('record');
  });

  afterAll(async () => {
    await crm.stop();
  });

  const create = (
    workspaceId: string,
    fields: Omit<CreateCustomerRequest, 'workspaceId' | 'actor'> = {},
  ) => crm.request(SUBJECTS.crm.createCustomer, { workspaceId, actor: agent, ...fields });

  async function defineAttributes(workspaceId: string): Promise<void> {
    const define = (
      key: string,
      type: 'text' | 'number' | 'date' | 'boolean' | 'list',
      options?: string[],
    ) =>
      crm.request(SUBJECTS.crm.defineAttribute, {
        workspaceId,
        actor: agent,
        key,
        label: key,
        type,
        ...(options ? { options } : {}),
      });
    await define('plan', 'list', ['free', 'pro']);
    await define('seats', 'number');
    await define('renewsOn', 'date');
    await define('trial', 'boolean');
    await define('note', 'text');
  }

  const auditOf = (customerId: string) =>
    crm.query<{ action: string; actor_type: string; actor_id: string | null; changes: unknown }>(
      `select action, actor_type, actor_id, changes from crm.audit_entries
        where entity_id = $1 order by id`,
      [customerId],
    );

  const eventsOf = (customerId: string) =>
    crm.query<{ subject: string; payload: { action: string; vip: boolean; customerId: string } }>(
      `select subject, payload from crm.outbox where payload ->> 'customerId' = $1 order by id`,
      [customerId],
    );

  it('creates a customer with every field, tags, VIP and typed attributes, and records it', async () => {
    const workspaceId = randomUUID();
    await defineAttributes(workspaceId);

    const customer = await create(workspaceId, {
      name: '山田太郎',
      email: 'taro@example.jp',
      phone: '+81 90 1234 5678',
      locale: 'ja-JP',
      timeZone: 'Asia/Tokyo',
      avatarUrl: 'https://cdn.example.jp/taro.png',
      company: 'Yamada Shoji',
      tags: ['wholesale', 'wholesale', 'kansai'],
      vip: true,
      attributes: { plan: 'pro', seats: 12, renewsOn: '2027-03-31', trial: false },
    });

    expect(customer).toMatchObject({
      workspaceId,
      name: '山田太郎',
      locale: 'ja-JP',
      timeZone: 'Asia/Tokyo',
      company: 'Yamada Shoji',
      tags: ['wholesale', 'kansai'],
      vip: true,
      emailVerified: false,
      attributes: { plan: 'pro', seats: 12, renewsOn: '2027-03-31', trial: false },
      identities: [],
    });
    expect(
      await crm.request(SUBJECTS.crm.getCustomer, { workspaceId, customerId: customer.id }),
    ).toEqual(customer);
    const [entry] = await auditOf(customer.id);
    expect(entry).toMatchObject({ action: 'created', actor_type: 'agent', actor_id: agent.id });
    expect(entry.changes).toEqual(
      expect.arrayContaining([
        { field: 'name', from: null, to: '山田太郎' },
        { field: 'vip', from: null, to: true },
        { field: 'attributes.seats', from: null, to: 12 },
      ]),
    );
    expect(await eventsOf(customer.id)).toEqual([
      {
        subject: 'evt.crm.customer.changed.v1',
        payload: expect.objectContaining({
          action: 'created',
          vip: true,
          customerId: customer.id,
        }) as object,
      },
    ]);
  });

  it('edits only the fields given, records old and new values, and says VIP on resolve', async () => {
    const workspaceId = randomUUID();
    await defineAttributes(workspaceId);
    const visitor = `visitor-${randomUUID()}`;
    const { customerId } = await crm.request(SUBJECTS.crm.resolveCustomer, {
      workspaceId,
      channel: Channel.Web,
      externalId: visitor,
      name: 'Mei',
    });

    const updated = await crm.request(SUBJECTS.crm.updateCustomer, {
      workspaceId,
      actor: agent,
      customerId,
      vip: true,
      tags: ['returning'],
      attributes: { seats: 3 },
    });
    await crm.request(SUBJECTS.crm.updateCustomer, {
      workspaceId,
      actor: agent,
      customerId,
      attributes: { seats: null },
      company: null,
    });

    expect(updated).toMatchObject({
      name: 'Mei',
      vip: true,
      tags: ['returning'],
      attributes: { seats: 3 },
    });
    expect(
      (await crm.request(SUBJECTS.crm.getCustomer, { workspaceId, customerId })).attributes,
    ).toEqual({});
    const audit = await auditOf(customerId);
    expect(audit.map((entry) => [entry.action, entry.actor_type])).toEqual([
      ['created', 'system'],
      ['updated', 'agent'],
      ['updated', 'agent'],
    ]);
    expect(audit[1].changes).toEqual([
      { field: 'vip', from: false, to: true },
      { field: 'tags', from: [], to: ['returning'] },
      { field: 'attributes.seats', from: null, to: 3 },
    ]);
    expect(audit[2].changes).toEqual([{ field: 'attributes.seats', from: 3, to: null }]);
    expect(
      await crm.request(SUBJECTS.crm.resolveCustomer, {
        workspaceId,
        channel: Channel.Web,
        externalId: visitor,
      }),
    ).toEqual({ customerId, created: false, vip: true });
  });

  it('refuses an unknown attribute key or a value of the wrong type and changes nothing', async () => {
    const workspaceId = randomUUID();
    await defineAttributes(workspaceId);
    const customer = await create(workspaceId, { name: 'Before', attributes: { seats: 1 } });

    const cases: [Record<string, unknown>, string][] = [
      [{ colour: 'red' }, 'CUSTOMER_ATTRIBUTE_UNKNOWN'],
      [{ seats: '12' }, 'CUSTOMER_ATTRIBUTE_INVALID'],
      [{ trial: 'yes' }, 'CUSTOMER_ATTRIBUTE_INVALID'],
      [{ renewsOn: '2027-02-30' }, 'CUSTOMER_ATTRIBUTE_INVALID'],
      [{ renewsOn: '31/03/2027' }, 'CUSTOMER_ATTRIBUTE_INVALID'],
      [{ plan: 'enterprise' }, 'CUSTOMER_ATTRIBUTE_INVALID'],
      [{ note: 'x'.repeat(1001) }, 'CUSTOMER_ATTRIBUTE_INVALID'],
      [{ seats: 2, plan: 'gold' }, 'CUSTOMER_ATTRIBUTE_INVALID'],
    ];
    for (const [attributes, code] of cases) {
      const refusal = await crm.refusal(SUBJECTS.crm.updateCustomer, {
        workspaceId,
        actor: agent,
        customerId: customer.id,
        name: 'After',
        attributes,
      });
      expect({ attributes, code: refusal.code }).toEqual({ attributes, code });
      expect(refusal.fieldErrors?.[0].field).toMatch(/^attributes\./);
    }
    expect(
      await crm.refusal(SUBJECTS.crm.createCustomer, {
        workspaceId,
        actor: agent,
        attributes: { colour: 'red' },
      }),
    ).toMatchObject({ code: 'CUSTOMER_ATTRIBUTE_UNKNOWN' });

    expect(
      await crm.request(SUBJECTS.crm.getCustomer, { workspaceId, customerId: customer.id }),
    ).toMatchObject({
      name: 'Before',
      attributes: { seats: 1 },
    });
    expect((await auditOf(customer.id)).map((entry) => entry.action)).toEqual(['created']);
    const [{ count }] = await crm.query<{ count: string }>(
      `select count(*) from crm.customers where workspace_id = $1`,
      [workspaceId],
    );
    expect(count).toBe('1');
  });

  it('refuses bad fields at the boundary: a time zone, locale, avatar URL, tag or an empty edit', async () => {
    const workspaceId = randomUUID();
    const customer = await create(workspaceId, { name: 'Ok' });
    for (const [fields, field] of [
      [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ locale: 'not a locale' }, 'locale'],
      [{ avatarUrl: 'javascript:alert(1)' }, 'avatarUrl'],
      [{ tags: ['a\u0000b'] }, 'tags'],
      [{ vip: 'yes' }, 'vip'],
      [{ vip: null }, 'vip'],
      [{}, 'name'],
    ] as const) {
      const refusal = await crm.refusal(SUBJECTS.crm.updateCustomer, {
        workspaceId,
        actor: agent,
        customerId: customer.id,
        ...fields,
      });
      expect(refusal).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(refusal.fieldErrors?.map((error) => error.field)).toContain(field);
    }
  });

  it('refuses a second definition of a key, options on a non-list and a list without options', async () => {
    const workspaceId = randomUUID();
    await defineAttributes(workspaceId);
    const base = { workspaceId, actor: agent, label: 'x' };
    expect(
      await crm.refusal(SUBJECTS.crm.defineAttribute, { ...base, key: 'seats', type: 'number' }),
    ).toMatchObject({ code: 'CUSTOMER_ATTRIBUTE_EXISTS' });
    expect(
      await crm.refusal(SUBJECTS.crm.defineAttribute, {
        ...base,
        key: 'n',
        type: 'number',
        options: ['a'],
      }),
    ).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(
      await crm.refusal(SUBJECTS.crm.defineAttribute, { ...base, key: 'l', type: 'list' }),
    ).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(
      await crm.refusal(SUBJECTS.crm.defineAttribute, { ...base, key: '1bad', type: 'text' }),
    ).toMatchObject({ code: 'VALIDATION_FAILED' });

    const definitions = await crm.request(SUBJECTS.crm.listAttributes, { workspaceId });
    expect(definitions.map((definition) => [definition.key, definition.type])).toEqual([
      ['note', 'text'],
      ['plan', 'list'],
      ['renewsOn', 'date'],
      ['seats', 'number'],
      ['trial', 'boolean'],
    ]);
    const plan = definitions.find((definition) => definition.key === 'plan')!;
    const updated = await crm.request(SUBJECTS.crm.updateAttribute, {
      workspaceId,
      actor: agent,
      definitionId: plan.id,
      options: ['free', 'pro', 'enterprise'],
    });
    expect(updated.options).toEqual(['free', 'pro', 'enterprise']);
    expect(await crm.request(SUBJECTS.crm.listAttributes, { workspaceId: randomUUID() })).toEqual(
      [],
    );
  });

  it("never reads or writes another workspace's customer", async () => {
    const customer = await create(randomUUID(), { name: 'Elsewhere' });
    expect(
      await crm.refusal(SUBJECTS.crm.updateCustomer, {
        workspaceId: randomUUID(),
        actor: agent,
        customerId: customer.id,
        name: 'Hijack',
      }),
    ).toMatchObject({ code: 'CUSTOMER_NOT_FOUND' });
  });

  it('keeps both edits of two agents editing different fields at once, each audited', async () => {
    const workspaceId = randomUUID();
    const customer: CustomerView = await create(workspaceId, { name: 'Race' });
    const edit = (fields: { company?: string; vip?: boolean }) =>
      crm.request(SUBJECTS.crm.updateCustomer, {
        workspaceId,
        actor: agent,
        customerId: customer.id,
        ...fields,
      });

    await Promise.all([edit({ company: 'A' }), edit({ vip: true })]);

    expect(
      await crm.request(SUBJECTS.crm.getCustomer, { workspaceId, customerId: customer.id }),
    ).toMatchObject({ company: 'A', vip: true, name: 'Race' });
    const changes = (await auditOf(customer.id)).slice(1).map((entry) => entry.changes);
    expect(changes).toEqual(
      expect.arrayContaining([
        [{ field: 'company', from: null, to: 'A' }],
        [{ field: 'vip', from: false, to: true }],
      ]),
    );
  });

  it('deletes a definition whatever customers write at the same moment: no value outlives it', async () => {
    // Each round races customer writes setting the value against the definition's deletion; a
    // write either lands first (its value is deleted with the definition) or is refused.
    for (let round = 0; round < 5; round++) {
      const workspaceId = randomUUID();
      const definition = await crm.request(SUBJECTS.crm.defineAttribute, {
        workspaceId,
        actor: agent,
        key: 'tier',
        label: 'Tier',
        type: 'text',
      });
      const customers = await Promise.all(
        [1, 2, 3].map((n) => create(workspaceId, { name: `Racer ${n}` })),
      );
      const writes = customers.map((customer) =>
        crm
          .request(SUBJECTS.crm.updateCustomer, {
            workspaceId,
            actor: agent,
            customerId: customer.id,
            attributes: { tier: 'gold' },
          })
          .then(
            () => 'written',
            (error: { code?: string }) => error.code,
          ),
      );
      const deletion = crm.request(SUBJECTS.crm.deleteAttribute, {
        workspaceId,
        actor: agent,
        definitionId: definition.id,
      });
      const [deleted, ...outcomes] = await Promise.all([deletion, ...writes]);
      const written = outcomes.filter((outcome) => outcome === 'written').length;
      expect(outcomes.filter((o) => o !== 'written')).toEqual(
        Array(3 - written).fill('CUSTOMER_ATTRIBUTE_UNKNOWN'),
      );
      expect(deleted.valuesRemoved).toBe(written);
      const left = await crm.query(
        `select 1 from crm.customer_attributes where workspace_id = $1`,
        [workspaceId],
      );
      expect(left).toEqual([]);
    }
  });

  it('deletes a definition with its values, each removal audited and in the outbox', async () => {
    const workspaceId = randomUUID();
    await defineAttributes(workspaceId);
    const [definitions, kept] = await Promise.all([
      crm.request(SUBJECTS.crm.listAttributes, { workspaceId }),
      create(workspaceId, { attributes: { seats: 3 } }),
    ]);
    const paying = await create(workspaceId, { attributes: { plan: 'pro', seats: 12 } });
    const plan = definitions.find((d) => d.key === 'plan')!;

    expect(
      await crm.refusal(SUBJECTS.crm.deleteAttribute, {
        workspaceId: randomUUID(),
        actor: agent,
        definitionId: plan.id,
      }),
    ).toMatchObject({ code: 'CUSTOMER_ATTRIBUTE_NOT_FOUND' });
    const deleted = await crm.request(SUBJECTS.crm.deleteAttribute, {
      workspaceId,
      actor: agent,
      definitionId: plan.id,
    });

    expect(deleted).toMatchObject({ definition: { key: 'plan' }, valuesRemoved: 1 });
    expect(
      await crm.request(SUBJECTS.crm.getCustomer, { workspaceId, customerId: paying.id }),
    ).toMatchObject({ attributes: { seats: 12 } });
    expect((await auditOf(paying.id)).at(-1)).toEqual({
      action: 'updated',
      actor_type: 'agent',
      actor_id: agent.id,
      changes: [{ field: 'attributes.plan', from: 'pro', to: null }],
    });
    expect((await eventsOf(paying.id)).map((event) => event.payload.action)).toEqual([
      'created',
      'updated',
    ]);
    expect((await eventsOf(kept.id)).map((event) => event.payload.action)).toEqual(['created']);
  });
});
