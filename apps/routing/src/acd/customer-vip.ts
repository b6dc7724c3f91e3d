import { Injectable, Logger } from '@nestjs/common';
import { SUBJECTS, type ConversationOpened } from '@hub/contracts';
import { RpcClient } from '@hub/service-kit';

// Short: an arrival waits for this answer before it is queued.
const LOOKUP_TIMEOUT_MS = 1_000;

/** Whether an arriving conversation's customer is a VIP (crm owns the flag). */
@Injectable()
export class CustomerVip {
  private readonly logger = new Logger(CustomerVip.name);

  constructor(private readonly rpc: RpcClient) {}

  /**
   * As the event says when the conversation service learned it from crm; otherwise (a known
   * sender, whose customer it did not ask crm about) as crm says now.
   */
  async of(event: ConversationOpened): Promise<boolean> {
    if (event.vip !== undefined) return event.vip;
    try {
      const customer = await this.rpc.request(
        SUBJECTS.crm.getCustomer,
        { workspaceId: event.workspaceId, customerId: event.customerId },
        { timeoutMs: LOOKUP_TIMEOUT_MS },
      );
      return customer.vip === true;
    } catch (error) {
      // Routing goes on without crm: the conversation waits as a regular one.
      this.logger.warn(
        { err: error, conversationId: event.conversationId, customerId: event.customerId },
        'VIP flag unknown (crm did not answer); queued as a regular conversation',
      );
      return false;
    }
  }
}
