import { randomUUID } from 'node:crypto';
import { SUBJECTS, type ResolveCustomerRequest } from '@hub/contracts';
import { Channel } from '@hub/domain';
import { CrmTestBed } from './support/crm-test-bed';

describe("crm answering a customer's VIP flag", () => {
  let crm: CrmTestBed;

  beforeAll(async () => {
    crm = await CrmTestBed.start('vip');
  });

  afterAll(() => crm.stop());

  function contact(): ResolveCustomerRequest {
    return { workspaceId: randomUUID(), channel: Channel.Web, externalId: `v-${randomUUID()}` };
  }

  it('says a returning customer is a VIP on resolve and on get', async () => {
    const request = contact();
    const { customerId } = await crm.request(SUBJECTS.crm.resolveCustomer, request);
    await crm.query(`update crm.customers set vip = true where id = $1`, [customerId]);

    expect(await crm.request(SUBJECTS.crm.resolveCustomer, request)).toEqual({
      customerId,
      created: false,
      vip: true,
    });
    const customer = await crm.request(SUBJECTS.crm.getCustomer, {
      workspaceId: request.workspaceId,
      customerId,
    });
    expect(customer.vip).toBe(true);
  });

  it('says a returning customer who is not a VIP is not one', async () => {
    const request = contact();
    const { customerId } = await crm.request(SUBJECTS.crm.resolveCustomer, request);

    expect(await crm.request(SUBJECTS.crm.resolveCustomer, request)).toEqual({
      customerId,
      created: false,
      vip: false,
    });
  });
});
