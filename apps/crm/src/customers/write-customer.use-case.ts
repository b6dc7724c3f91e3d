import { Injectable } from '@nestjs/common';
import {
  CUSTOMER_CHANGE_FIELDS,
  type CreateCustomerRequest,
  type CustomerView,
  type UpdateCustomerRequest,
} from '@hub/contracts';
import { applyCustomerFields } from './apply-customer-fields';
import { AttributeDefinitions } from './attribute-definitions.service';
import { Customer } from './customer.entity';
import { CustomerError } from './customer.exception';
import { CustomerViews } from './customer-views';
import { CustomerWrites } from './customer-writes';
import { SearchableTextMasking } from './searchable-text-masking';
import { suggestLinks } from './suggest-links';

const CONTACT_FIELDS = new Set(['name', 'email', 'phone']);

/** An agent or integrator creates or edits a customer record. */
@Injectable()
export class WriteCustomer {
  constructor(
    private readonly writes: CustomerWrites,
    private readonly definitions: AttributeDefinitions,
    private readonly views: CustomerViews,
    private readonly masking: SearchableTextMasking,
  ) {}

  async create(request: CreateCustomerRequest): Promise<CustomerView> {
    const { workspaceId, actor, ...typed } = request;
    const fields = await this.masking.mask(workspaceId, typed);
    return this.writes.run(async (tx, record) => {
      const rules = await this.definitions.rules(tx, workspaceId);
      const customer = tx.create(Customer, { workspaceId });
      const changes = await applyCustomerFields(tx, customer, fields, rules);
      await suggestLinks(tx, [customer]);
      const action = 'created';
      await record({
        workspaceId,
        customerId: customer.id,
        action,
        actor,
        vip: customer.vip,
        changes,
      });
      return (await this.views.one({ workspaceId, customerId: customer.id }, tx))!;
    });
  }

  async update(request: UpdateCustomerRequest): Promise<CustomerView> {
    const { workspaceId, actor, customerId, ...typed } = request;
    if (!CUSTOMER_CHANGE_FIELDS.some((field) => typed[field] !== undefined)) {
      throw CustomerError.nothingToChange(CUSTOMER_CHANGE_FIELDS);
    }
    const fields = await this.masking.mask(workspaceId, typed);
    return this.writes.run(async (tx, record) => {
      // Locked, so two concurrent edits apply one after the other and each records its own
      // old values.
      const customer = await tx.findOne(Customer, {
        where: { id: customerId, workspaceId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!customer) throw CustomerError.notFound(customerId);
      const rules = await this.definitions.rules(tx, workspaceId);
      const changes = await applyCustomerFields(tx, customer, fields, rules);
      if (changes.length > 0) {
        if (changes.some((change) => CONTACT_FIELDS.has(change.field))) {
          await suggestLinks(tx, [customer]);
        }
        await record({
          workspaceId,
          customerId,
          action: 'updated',
          actor,
          vip: customer.vip,
          changes,
        });
      }
      return (await this.views.one({ workspaceId, customerId }, tx))!;
    });
  }
}
