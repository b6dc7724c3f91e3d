import { Injectable } from '@nestjs/common';
import type { RecordVisitorProfileReply, RecordVisitorProfileRequest } from '@hub/contracts';
import { Customer } from './customer.entity';
import { CustomersService } from './customers.service';
import { SearchableTextMasking } from './searchable-text-masking';
import { suggestLinks } from './suggest-links';
import { CustomerWrites, SYSTEM_ACTOR } from './customer-writes';
import { recordUnverifiedContact, UNVERIFIED_CONTACT_KEY } from './unverified-contact';

/** The widget's pre-chat form answers, kept on the visitor's customer as unverified contact data. */
@Injectable()
export class RecordVisitorProfile {
  constructor(
    private readonly writes: CustomerWrites,
    private readonly customers: CustomersService,
    private readonly masking: SearchableTextMasking,
  ) {}

  async execute(request: RecordVisitorProfileRequest): Promise<RecordVisitorProfileReply> {
    const { workspaceId, channel, externalId, name, email, phone } = request;
    const { customerId, vip } = await this.customers.resolve({ workspaceId, channel, externalId });
    const typed = { ...(await this.masking.mask(workspaceId, { name })), email, phone };
    if (Object.values(typed).every((value) => value === undefined)) return { customerId };
    await this.writes.run(async (tx, record) => {
      await recordUnverifiedContact(tx, { workspaceId, customerId }, typed);
      // What a visitor types is a weak match at best: suggested to agents, never linked.
      await suggestLinks(tx, [await tx.findOneByOrFail(Customer, { id: customerId })]);
      await record({
        workspaceId,
        customerId,
        action: 'updated',
        actor: SYSTEM_ACTOR,
        vip: vip ?? false,
        changes: [{ field: `attributes.${UNVERIFIED_CONTACT_KEY}`, from: null, to: typed }],
      });
    });
    return { customerId };
  }
}
