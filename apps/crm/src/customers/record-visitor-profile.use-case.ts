import { Injectable } from '@nestjs/common';
import type { RecordVisitorProfileReply, RecordVisitorProfileRequest } from '@hub/contracts';
import { Database } from '@hub/service-kit';
import { CustomersService } from './customers.service';
import { recordUnverifiedContact } from './unverified-contact';

/** The widget's pre-chat form answers, kept on the visitor's customer as unverified contact data. */
@Injectable()
export class RecordVisitorProfile {
  constructor(
    private readonly database: Database,
    private readonly customers: CustomersService,
  ) {}

  async execute(request: RecordVisitorProfileRequest): Promise<RecordVisitorProfileReply> {
    const { workspaceId, channel, externalId, name, email, phone } = request;
    const { customerId } = await this.customers.resolve({ workspaceId, channel, externalId });
    await this.database.dataSource.transaction((tx) =>
      recordUnverifiedContact(tx, { workspaceId, customerId }, { name, email, phone }),
    );
    return { customerId };
  }
}
