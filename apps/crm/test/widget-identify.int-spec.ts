import { randomUUID } from 'node:crypto';
import {
  SUBJECTS,
  type CustomerView,
  type IdentifyCustomerReply,
  type IdentifyCustomerRequest,
} from '@hub/contracts';
import { Channel } from '@hub/domain';
import { CrmTestBed } from './support/crm-test-bed';

describe('crm linking a web visitor to the site user a site vouched for', () => {
  let crm: CrmTestBed;

  beforeAll(async () => {
    crm = await CrmTestBed.start('identify');
  });

  afterAll(async () => {
    await crm.stop();
  });

  const resolveVisitor = (workspaceId: string, visitorId: string) =>
    crm.request(SUBJECTS.crm.resolveCustomer, {
      workspaceId,
      channel: Channel.Web,
      externalId: visitorId,
    });

  const identify = (request: Omit<IdentifyCustomerRequest, 'channel'>) =>
    crm.request(SUBJECTS.crm.identifyCustomer, { channel: Channel.Web, ...request });

  const customer = (workspaceId: string, customerId: string): Promise<CustomerView> =>
    crm.request(SUBJECTS.crm.getCustomer, { workspaceId, customerId });

  it('adds the site user to the visitor’s customer and takes the name and email the site gave', async () => {
    const workspaceId = randomUUID();
    const visitorId = randomUUID();
    const { customerId } = await resolveVisitor(workspaceId, visitorId);

    const reply = await identify({
      workspaceId,
      externalId: visitorId,
      externalUserId: 'user-42',
      name: 'Hanako Yamada',
      email: 'hanako@example.jp',
    });

    expect(reply).toEqual<IdentifyCustomerReply>({ customerId, outcome: 'linked' });
    expect(await customer(workspaceId, customerId)).toMatchObject({
      name: 'Hanako Yamada',
      email: 'hanako@example.jp',
      identities: [
        { channel: 'web', kind: 'channel', externalId: visitorId },
        { channel: 'web', kind: 'site-user', externalId: 'user-42' },
      ],
    });
  });

  it('creates the customer when the visitor never wrote, and is a no-op the second time', async () => {
    const workspaceId = randomUUID();
    const visitorId = randomUUID();

    const first = await identify({ workspaceId, externalId: visitorId, externalUserId: 'u-1' });
    const again = await identify({ workspaceId, externalId: visitorId, externalUserId: 'u-1' });

    expect(first.outcome).toBe('linked');
    expect(again).toEqual({ customerId: first.customerId, outcome: 'already' });
    expect((await resolveVisitor(workspaceId, visitorId)).customerId).toBe(first.customerId);
  });

  it('moves a second device’s visitor to the customer already holding the site user', async () => {
    const workspaceId = randomUUID();
    const laptop = randomUUID();
    const phone = randomUUID();
    const { customerId: laptopCustomer } = await resolveVisitor(workspaceId, laptop);
    await identify({ workspaceId, externalId: laptop, externalUserId: 'user-7' });
    const { customerId: phoneCustomer } = await resolveVisitor(workspaceId, phone);

    const reply = await identify({ workspaceId, externalId: phone, externalUserId: 'user-7' });

    expect(reply).toEqual({ customerId: laptopCustomer, outcome: 'moved' });
    // The phone's next message lands on the site user's record; its old record stays (no merge).
    expect((await resolveVisitor(workspaceId, phone)).customerId).toBe(laptopCustomer);
    expect((await customer(workspaceId, phoneCustomer)).identities).toEqual([]);
  });

  it('keeps site users of different workspaces apart, and a site user id apart from a visitor id', async () => {
    const [one, two] = [randomUUID(), randomUUID()];
    const visitorId = randomUUID();
    const a = await identify({
      workspaceId: one,
      externalId: randomUUID(),
      externalUserId: 'same',
    });
    const b = await identify({
      workspaceId: two,
      externalId: randomUUID(),
      externalUserId: 'same',
    });
    // A site whose user ids look like visitor ids: the kinds differ, so nothing collides.
    const c = await identify({
      workspaceId: one,
      externalId: visitorId,
      externalUserId: visitorId,
    });

    expect(a.customerId).not.toBe(b.customerId);
    expect(c.outcome).toBe('linked');
    expect(c.customerId).not.toBe(a.customerId);
  });

  it('records pre-chat answers as unverified contact data without overwriting vouched data', async () => {
    const workspaceId = randomUUID();
    const visitorId = randomUUID();
    const { customerId } = await identify({
      workspaceId,
      externalId: visitorId,
      externalUserId: 'user-9',
      name: 'Vouched Name',
    });

    await crm.request(SUBJECTS.crm.recordVisitorProfile, {
      workspaceId,
      channel: Channel.Web,
      externalId: visitorId,
      name: 'Typed Name',
      phone: '+81 3-1234-5678',
    });

    expect(await customer(workspaceId, customerId)).toMatchObject({
      name: 'Vouched Name',
      phone: '+81 3-1234-5678',
    });
    const [attribute] = await crm.query<{ value: unknown }>(
      `select value from crm.customer_attributes where customer_id = $1 and key = 'unverifiedContact'`,
      [customerId],
    );
    expect(attribute.value).toEqual({ name: 'Typed Name', phone: '+81 3-1234-5678' });
  });
});
