import { randomUUID } from 'node:crypto';
import { SUBJECTS, type CrmActor, type SearchCustomersRequest } from '@hub/contracts';
import { Channel } from '@hub/domain';
import { CrmTestBed } from './support/crm-test-bed';

describe('crm customer search pages, orders and notes', () => {
  let crm: CrmTestBed;
  const agent: CrmActor = { type: 'agent', id: randomUUID() };
  const integrator: CrmActor = { type: 'integrator', id: randomUUID() };

  beforeAll(async () => {
    crm = await CrmTestBed.start('search_orders');
  });

  afterAll(async () => {
    await crm.stop();
  });

  const create = (workspaceId: string, name: string, extra: object = {}) =>
    crm.request(SUBJECTS.crm.createCustomer, { workspaceId, actor: agent, name, ...extra });

  const search = (request: Omit<SearchCustomersRequest, 'workspaceId'> & { workspaceId: string }) =>
    crm.request(SUBJECTS.crm.searchCustomers, request);

  describe('search', () => {
    it('finds 「王小明」 and 「山田太郎」 by a two-character query', async () => {
      const workspaceId = randomUUID();
      const wang = await create(workspaceId, '王小明');
      const yamada = await create(workspaceId, '山田太郎');
      await create(workspaceId, '王大明');

      const ids = async (query: string) =>
        (await search({ workspaceId, query })).customers.map((customer) => customer.id);
      expect(await ids('王小')).toEqual([wang.id]);
      expect(await ids('山田')).toEqual([yamada.id]);
    });

    it('filters by tag and by attribute value, alone or with a query', async () => {
      const workspaceId = randomUUID();
      await crm.request(SUBJECTS.crm.defineAttribute, {
        workspaceId,
        actor: agent,
        key: 'tier',
        label: 'Tier',
        type: 'list',
        options: ['gold', 'silver'],
      });
      const gold = await create(workspaceId, 'Gold Vip', {
        tags: ['vip-desk'],
        attributes: { tier: 'gold' },
      });
      const silver = await create(workspaceId, 'Silver', {
        tags: ['vip-desk'],
        attributes: { tier: 'silver' },
      });
      await create(workspaceId, 'Goldie', { tags: ['other'] });

      const ids = async (criteria: Omit<SearchCustomersRequest, 'workspaceId'>) =>
        (await search({ workspaceId, ...criteria })).customers.map((customer) => customer.id);
      expect(await ids({ tag: 'vip-desk' })).toEqual([silver.id, gold.id]);
      expect(await ids({ attribute: { key: 'tier', value: 'gold' } })).toEqual([gold.id]);
      expect(await ids({ query: 'gold', tag: 'vip-desk' })).toEqual([gold.id]);
      expect(await ids({ tag: 'vip-desk', attribute: { key: 'tier', value: 'bronze' } })).toEqual(
        [],
      );
    });

    it('pages through every match once, in order, with the cursor each page gives', async () => {
      const workspaceId = randomUUID();
      const created: string[] = [];
      for (let n = 0; n < 7; n += 1) created.push((await create(workspaceId, `Page ${n}`)).id);

      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await search({
          workspaceId,
          query: 'page',
          limit: 3,
          ...(cursor ? { cursor } : {}),
        });
        seen.push(...page.customers.map((customer) => customer.id));
        cursor = page.nextCursor ?? undefined;
        pages += 1;
      } while (cursor);

      expect(pages).toBe(3);
      expect(seen).toEqual([...created].reverse());
    });

    it('refuses a cursor it did not give', async () => {
      const workspaceId = randomUUID();
      for (const cursor of ['garbage', Buffer.from('["x","y"]').toString('base64url')]) {
        expect(
          await crm.refusal(SUBJECTS.crm.searchCustomers, { workspaceId, query: 'a', cursor }),
        ).toMatchObject({
          code: 'CURSOR_INVALID',
        });
      }
    });
  });

  describe('orders', () => {
    const order = {
      status: 'paid',
      totalCents: 129_00,
      currency: 'EUR',
      items: [{ name: 'Kettle', quantity: 1, unitCents: 129_00, sku: 'K-1' }],
      orderedAt: '2026-11-01T10:00:00.000Z',
    };

    it('stores a pushed order once: the same push again changes and records nothing', async () => {
      const workspaceId = randomUUID();
      const customer = await create(workspaceId, 'Buyer');
      const put = (fields: object = {}) =>
        crm.request(SUBJECTS.crm.putOrder, {
          workspaceId,
          actor: integrator,
          customerId: customer.id,
          externalId: 'SO-1001',
          ...order,
          ...fields,
        });

      const first = await put();
      const again = await put();
      const shipped = await put({ status: 'shipped' });

      expect(first).toMatchObject({
        created: true,
        changed: true,
        order: { status: 'paid', totalCents: 12900 },
      });
      expect(again).toMatchObject({
        created: false,
        changed: false,
        order: { id: first.order.id },
      });
      expect(shipped).toMatchObject({
        created: false,
        changed: true,
        order: { id: first.order.id, status: 'shipped' },
      });
      expect(
        await crm.request(SUBJECTS.crm.listOrders, { workspaceId, customerId: customer.id }),
      ).toEqual([shipped.order]);
      const audit = await crm.query<{ action: string; actor_type: string; changes: unknown }>(
        `select action, actor_type, changes from crm.audit_entries
          where entity_id = $1 and action = 'order_saved' order by id`,
        [customer.id],
      );
      expect(audit).toHaveLength(2);
      expect(audit[1]).toMatchObject({
        actor_type: 'integrator',
        changes: [{ field: 'orders.SO-1001.status', from: 'paid', to: 'shipped' }],
      });
    });

    it('refuses an order of another customer, an unknown customer and a malformed order', async () => {
      const workspaceId = randomUUID();
      const a = await create(workspaceId, 'A');
      const b = await create(workspaceId, 'B');
      const base = { workspaceId, actor: integrator, externalId: 'SO-7', ...order };
      await crm.request(SUBJECTS.crm.putOrder, { ...base, customerId: a.id });

      expect(await crm.refusal(SUBJECTS.crm.putOrder, { ...base, customerId: b.id })).toMatchObject(
        {
          code: 'ORDER_OF_ANOTHER_CUSTOMER',
        },
      );
      expect(
        await crm.refusal(SUBJECTS.crm.putOrder, {
          ...base,
          workspaceId: randomUUID(),
          customerId: a.id,
        }),
      ).toMatchObject({ code: 'CUSTOMER_NOT_FOUND' });
      for (const bad of [
        { currency: 'eur' },
        { totalCents: -1 },
        { orderedAt: 'yesterday' },
        { items: [{ name: 'x' }] },
      ]) {
        expect(
          await crm.refusal(SUBJECTS.crm.putOrder, { ...base, customerId: a.id, ...bad }),
        ).toMatchObject({
          code: 'VALIDATION_FAILED',
        });
      }
      expect(await crm.request(SUBJECTS.crm.listOrders, { workspaceId, customerId: b.id })).toEqual(
        [],
      );
    });
  });

  describe('notes', () => {
    it('keeps notes on a customer and on a conversation with author and time, newest first', async () => {
      const workspaceId = randomUUID();
      const { customerId } = await crm.request(SUBJECTS.crm.resolveCustomer, {
        workspaceId,
        channel: Channel.Line,
        externalId: `U-${randomUUID()}`,
      });
      const conversationId = randomUUID();
      const onCustomer = await crm.request(SUBJECTS.crm.addNote, {
        workspaceId,
        actor: agent,
        target: 'customer',
        customerId,
        body: 'Prefers LINE over email',
      });
      const onConversation = await crm.request(SUBJECTS.crm.addNote, {
        workspaceId,
        actor: agent,
        target: 'conversation',
        customerId,
        conversationId,
        body: 'Refund promised',
      });

      expect(onCustomer).toMatchObject({ authorId: agent.id, customerId, conversationId: null });
      expect(
        await crm.request(SUBJECTS.crm.listNotes, {
          workspaceId,
          target: 'customer',
          targetId: customerId,
        }),
      ).toEqual([onConversation, onCustomer]);
      expect(
        await crm.request(SUBJECTS.crm.listNotes, {
          workspaceId,
          target: 'conversation',
          targetId: conversationId,
        }),
      ).toEqual([onConversation]);
      expect(
        await crm.request(SUBJECTS.crm.listNotes, {
          workspaceId: randomUUID(),
          target: 'customer',
          targetId: customerId,
        }),
      ).toEqual([]);
      const [audit] = await crm.query<{ changes: unknown }>(
        `select changes from crm.audit_entries where entity_id = $1 and action = 'note_added' order by id limit 1`,
        [customerId],
      );
      expect(JSON.stringify(audit.changes)).not.toContain('Prefers LINE');
    });

    it('refuses a note by a non-agent, a conversation note without its conversation, an empty body', async () => {
      const workspaceId = randomUUID();
      const customer = await create(workspaceId, 'Noted');
      const base = {
        workspaceId,
        actor: agent,
        target: 'customer',
        customerId: customer.id,
        body: 'ok',
      };
      for (const bad of [
        { actor: integrator },
        { target: 'conversation' },
        { body: '' },
        { body: 'x'.repeat(10_001) },
      ]) {
        expect(await crm.refusal(SUBJECTS.crm.addNote, { ...base, ...bad })).toMatchObject({
          code: 'VALIDATION_FAILED',
        });
      }
      expect(
        await crm.request(SUBJECTS.crm.listNotes, {
          workspaceId,
          target: 'customer',
          targetId: customer.id,
        }),
      ).toEqual([]);
    });
  });
});
