import { randomUUID } from 'node:crypto';
import {
  SUBJECTS,
  type CustomerView,
  type ResolveCustomerReply,
  type ResolveCustomerRequest,
} from '@hub/contracts';
import { Channel } from '@hub/domain';
import { CustomersService } from '../src/customers/customers.service';
import { CrmTestBed } from './support/crm-test-bed';

describe('crm resolving the customer behind a channel identity', () => {
  let crm: CrmTestBed;

  beforeAll(async () => {
    crm = await CrmTestBed.start('resolve', { replicas: 2 });
  });

  afterAll(async () => {
    await crm.stop();
  });

  function firstContact(overrides: Partial<ResolveCustomerRequest> = {}): ResolveCustomerRequest {
    return {
      workspaceId: randomUUID(),
      channel: Channel.Web,
      externalId: `visitor-${randomUUID()}`,
      ...overrides,
    };
  }

  function resolve(request: ResolveCustomerRequest): Promise<ResolveCustomerReply> {
    return crm.request(SUBJECTS.crm.resolveCustomer, request);
  }

  function getCustomer(workspaceId: string, customerId: string): Promise<CustomerView> {
    return crm.request(SUBJECTS.crm.getCustomer, { workspaceId, customerId });
  }

  async function countRows(workspaceId: string) {
    const [counts] = await crm.query<{ customers: number; identities: number }>(
      `select (select count(*)::int from crm.customers where workspace_id = $1) as customers,
              (select count(*)::int from crm.customer_identities where workspace_id = $1) as identities`,
      [workspaceId],
    );
    return counts;
  }

  it('creates the customer with its channel identity on first contact', async () => {
    const contact = firstContact({
      name: 'Ada Lovelace',
      email: 'ada@example.test',
      phone: '+44 20 7946 0000',
    });

    const reply = await resolve(contact);

    expect(reply).toEqual({ customerId: expect.any(String) as string, created: true, vip: false });
    expect(await getCustomer(contact.workspaceId, reply.customerId)).toMatchObject({
      id: reply.customerId,
      workspaceId: contact.workspaceId,
      name: 'Ada Lovelace',
      email: 'ada@example.test',
      phone: '+44 20 7946 0000',
      emailVerified: false,
      phoneVerified: false,
      identities: [
        { channel: Channel.Web, kind: 'channel', externalId: contact.externalId, verified: false },
      ],
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/) as string,
    });
  });

  it('answers the next contact of the same identity with the same customer and creates nothing', async () => {
    const contact = firstContact();
    const first = await resolve(contact);

    const second = await resolve(contact);

    expect(second).toEqual({ customerId: first.customerId, created: false, vip: false });
    expect(await countRows(contact.workspaceId)).toEqual({ customers: 1, identities: 1 });
  });

  it('keeps what the first contact said when the identity comes back under another name', async () => {
    const contact = firstContact({ name: 'Ada', email: 'ada@example.test' });
    const { customerId } = await resolve(contact);

    await resolve({ ...contact, name: 'Someone Else', email: 'else@example.test' });

    expect(await getCustomer(contact.workspaceId, customerId)).toMatchObject({
      name: 'Ada',
      email: 'ada@example.test',
    });
  });

  it('stores the name and email exactly as given, CJK names included', async () => {
    const contact = firstContact({ name: '王小明（客户）', email: 'Xiao.Ming@Example.TEST' });
    const { customerId } = await resolve(contact);

    expect(await getCustomer(contact.workspaceId, customerId)).toMatchObject({
      name: '王小明（客户）',
      email: 'Xiao.Ming@Example.TEST',
    });
  });

  it('leaves name, email and phone empty when the channel told none', async () => {
    const contact = firstContact({ channel: Channel.Telegram, externalId: '123456789' });
    const { customerId } = await resolve(contact);

    expect(await getCustomer(contact.workspaceId, customerId)).toMatchObject({
      name: null,
      email: null,
      phone: null,
    });
  });

  it('makes a separate customer for the same external id on another channel', async () => {
    const contact = firstContact({ channel: Channel.Telegram, externalId: '42' });
    const onTelegram = await resolve(contact);

    const onLine = await resolve({ ...contact, channel: Channel.Line });

    expect(onLine.created).toBe(true);
    expect(onLine.customerId).not.toBe(onTelegram.customerId);
  });

  it('makes a separate customer for the same identity in another workspace', async () => {
    const contact = firstContact();
    const here = await resolve(contact);

    const elsewhere = await resolve({ ...contact, workspaceId: randomUUID() });

    expect(elsewhere.created).toBe(true);
    expect(elsewhere.customerId).not.toBe(here.customerId);
  });

  it('gives twenty simultaneous first contacts of one identity on two replicas one customer', async () => {
    const contact = firstContact({ name: 'Racer' });
    const replicas = crm.replicas.map((app) => app.get(CustomersService));

    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) => replicas[i % replicas.length].resolve(contact)),
    );

    expect(new Set(replies.map((reply) => reply.customerId)).size).toBe(1);
    expect(replies.filter((reply) => reply.created)).toHaveLength(1);
    // The losers' customer rows are gone, not left behind without an identity.
    expect(await countRows(contact.workspaceId)).toEqual({ customers: 1, identities: 1 });
  });

  it('refuses a contact with no valid workspace, channel or external id, naming each field', async () => {
    const refusal = await crm.refusal(SUBJECTS.crm.resolveCustomer, {
      workspaceId: 'not-a-uuid',
      channel: 'pigeon',
      externalId: '',
    });

    expect(refusal).toMatchObject({ kind: 'invalid', code: 'VALIDATION_FAILED' });
    expect(new Set(refusal.fieldErrors?.map((fieldError) => fieldError.field))).toEqual(
      new Set(['workspaceId', 'channel', 'externalId']),
    );
  });

  it('refuses a malformed email, an over-long name or an unknown field and creates nobody', async () => {
    const contact = firstContact();

    for (const bad of [
      { ...contact, email: 'not an email' },
      { ...contact, name: 'x'.repeat(201) },
      { ...contact, vip: true },
    ]) {
      expect(await crm.refusal(SUBJECTS.crm.resolveCustomer, bad)).toMatchObject({
        kind: 'invalid',
        code: 'VALIDATION_FAILED',
      });
    }
    expect(await countRows(contact.workspaceId)).toEqual({ customers: 0, identities: 0 });
  });
});
