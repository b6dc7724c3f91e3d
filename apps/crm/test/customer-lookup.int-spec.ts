import { randomUUID } from 'node:crypto';
import { SUBJECTS, type CustomerView, type ResolveCustomerRequest } from '@hub/contracts';
import { Channel } from '@hub/domain';
import { CrmTestBed } from './support/crm-test-bed';

describe('crm getting and searching customers', () => {
  let crm: CrmTestBed;

  beforeAll(async () => {
    crm = await CrmTestBed.start('lookup');
  });

  afterAll(async () => {
    await crm.stop();
  });

  type Contact = Partial<Omit<ResolveCustomerRequest, 'workspaceId'>>;

  // Created the way every customer is: a first contact on a channel.
  async function addCustomer(workspaceId: string, contact: Contact = {}): Promise<string> {
    const reply = await crm.request(SUBJECTS.crm.resolveCustomer, {
      workspaceId,
      channel: Channel.Web,
      externalId: `visitor-${randomUUID()}`,
      ...contact,
    });
    return reply.customerId;
  }

  async function search(
    workspaceId: string,
    query: string,
    limit?: number,
  ): Promise<CustomerView[]> {
    return (await crm.request(SUBJECTS.crm.searchCustomers, { workspaceId, query, limit }))
      .customers;
  }

  async function searchIds(workspaceId: string, query: string): Promise<string[]> {
    return (await search(workspaceId, query)).map((customer) => customer.id);
  }

  describe('get', () => {
    it('finds a customer in its own workspace only; elsewhere it is not found, revealing nothing', async () => {
      const workspaceId = randomUUID();
      const customerId = await addCustomer(workspaceId, { name: 'Ada' });
      expect(
        await crm.request(SUBJECTS.crm.getCustomer, { workspaceId, customerId }),
      ).toMatchObject({ id: customerId, name: 'Ada' });

      const refusal = await crm.refusal(SUBJECTS.crm.getCustomer, {
        workspaceId: randomUUID(),
        customerId,
      });

      expect(refusal).toMatchObject({ kind: 'not_found', code: 'CUSTOMER_NOT_FOUND' });
      expect(refusal.message).not.toContain('Ada');
    });

    it('refuses a customer id nobody has as not found', async () => {
      expect(
        await crm.refusal(SUBJECTS.crm.getCustomer, {
          workspaceId: randomUUID(),
          customerId: randomUUID(),
        }),
      ).toMatchObject({ kind: 'not_found', code: 'CUSTOMER_NOT_FOUND' });
    });

    it('refuses ids that are not UUIDs as invalid', async () => {
      const refusal = await crm.refusal(SUBJECTS.crm.getCustomer, {
        workspaceId: 'acme',
        customerId: '42',
      });

      expect(refusal).toMatchObject({ kind: 'invalid', code: 'VALIDATION_FAILED' });
      expect(new Set(refusal.fieldErrors?.map((fieldError) => fieldError.field))).toEqual(
        new Set(['workspaceId', 'customerId']),
      );
    });
  });

  describe('search', () => {
    it('matches the start of the name, whatever the case, and not a word inside it', async () => {
      const workspaceId = randomUUID();
      const grace = await addCustomer(workspaceId, { name: 'Grace Hopper' });

      expect(await searchIds(workspaceId, 'gRACE h')).toEqual([grace]);
      expect(await searchIds(workspaceId, 'Hopper')).toEqual([]);
    });

    it('matches the start of the email, the phone or the id on any channel', async () => {
      const workspaceId = randomUUID();
      const byEmail = await addCustomer(workspaceId, { email: 'linus@example.test' });
      const byPhone = await addCustomer(workspaceId, { phone: '+81 3 1234 5678' });
      const byIdentity = await addCustomer(workspaceId, {
        channel: Channel.Telegram,
        externalId: 'tg-778899',
      });

      expect(await searchIds(workspaceId, 'LINUS@')).toEqual([byEmail]);
      expect(await searchIds(workspaceId, '+81 3')).toEqual([byPhone]);
      expect(await searchIds(workspaceId, 'tg-7788')).toEqual([byIdentity]);
    });

    it('finds a CJK name by its first characters', async () => {
      const workspaceId = randomUUID();
      const xiaoming = await addCustomer(workspaceId, { name: '王小明' });
      await addCustomer(workspaceId, { name: '李小龙' });

      expect(await searchIds(workspaceId, '王小')).toEqual([xiaoming]);
    });

    it('answers with the whole customer view, identities included', async () => {
      const workspaceId = randomUUID();
      const customerId = await addCustomer(workspaceId, {
        name: 'Ada',
        channel: Channel.Email,
        externalId: 'ada@example.test',
      });

      expect(await search(workspaceId, 'ada')).toEqual([
        {
          id: customerId,
          workspaceId,
          name: 'Ada',
          email: null,
          phone: null,
          emailVerified: false,
          phoneVerified: false,
          locale: null,
          timeZone: null,
          avatarUrl: null,
          company: null,
          tags: [],
          vip: false,
          attributes: {},
          identities: [
            {
              id: expect.any(String) as string,
              channel: Channel.Email,
              kind: 'channel',
              externalId: 'ada@example.test',
              verified: false,
            },
          ],
          createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/) as string,
          updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/) as string,
        },
      ]);
    });

    it("never returns another workspace's customers, even on the same name or channel id", async () => {
      const workspaceId = randomUUID();
      const otherWorkspaceId = randomUUID();
      const contact = { name: 'Shared Name', channel: Channel.Line, externalId: 'U-shared' };
      await addCustomer(otherWorkspaceId, contact);
      const ours = await addCustomer(workspaceId, contact);

      expect(await searchIds(workspaceId, 'Shared')).toEqual([ours]);
      expect(await searchIds(workspaceId, 'U-shared')).toEqual([ours]);
    });

    it('takes % and _ in the query as plain characters, not wildcards', async () => {
      const workspaceId = randomUUID();
      const percent = await addCustomer(workspaceId, { name: '100% Cotton' });
      await addCustomer(workspaceId, { name: '1000 Threads' });
      const underscore = await addCustomer(workspaceId, { name: 'a_b' });
      await addCustomer(workspaceId, { name: 'axb' });

      expect(await searchIds(workspaceId, '100%')).toEqual([percent]);
      expect(await searchIds(workspaceId, 'a_')).toEqual([underscore]);
      expect(await searchIds(workspaceId, '%')).toEqual([]);
    });

    it('lists the most recently updated customers first', async () => {
      const workspaceId = randomUUID();
      const first = await addCustomer(workspaceId, { name: 'Order 1' });
      const second = await addCustomer(workspaceId, { name: 'Order 2' });
      const third = await addCustomer(workspaceId, { name: 'Order 3' });
      expect(await searchIds(workspaceId, 'order')).toEqual([third, second, first]);

      // A later edit must bring the customer to the top.
      await crm.query(
        `update crm.customers set updated_at = now() + interval '1 minute' where id = $1`,
        [first],
      );

      expect(await searchIds(workspaceId, 'order')).toEqual([first, third, second]);
    });

    it('returns the 20 most recent matches by default, or as many as the limit asks', async () => {
      const workspaceId = randomUUID();
      for (let n = 1; n <= 21; n += 1) await addCustomer(workspaceId, { name: `Bulk ${n}` });

      const byDefault = await search(workspaceId, 'bulk');
      const limited = await search(workspaceId, 'bulk', 5);

      expect(byDefault.map((customer) => customer.name)).toEqual(
        Array.from({ length: 20 }, (_, i) => `Bulk ${21 - i}`),
      );
      expect(limited).toEqual(byDefault.slice(0, 5));
    });

    it('refuses an empty query, no criterion, a limit over 100 or a workspace that is not a UUID', async () => {
      const workspaceId = randomUUID();

      for (const [bad, field] of [
        [{ workspaceId, query: '' }, 'query'],
        [{ workspaceId }, 'query'],
        [{ workspaceId, query: 'x'.repeat(201) }, 'query'],
        [{ workspaceId, query: 'ada', limit: 101 }, 'limit'],
        [{ workspaceId, query: 'ada', limit: 0 }, 'limit'],
        [{ workspaceId: 'acme', query: 'ada' }, 'workspaceId'],
      ] as const) {
        const refusal = await crm.refusal(SUBJECTS.crm.searchCustomers, bad);
        expect(refusal).toMatchObject({ kind: 'invalid', code: 'VALIDATION_FAILED' });
        expect(refusal.fieldErrors?.map((fieldError) => fieldError.field)).toContain(field);
      }
    });
  });
});
