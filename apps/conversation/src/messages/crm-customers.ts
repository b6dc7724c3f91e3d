import { Injectable, Logger } from '@nestjs/common';
import {
  MAX_RESOLVE_MANY,
  SUBJECTS,
  type ResolveCustomerReply,
  type ResolveCustomerRequest,
} from '@hub/contracts';
import { withCorrelationId } from '@hub/observability';
import { GroupCommit, RpcClient, type Queued } from '@hub/service-kit';

/**
 * Asks crm who the senders of first messages are, many at once: the first request goes at
 * once, the ones made while it is answered go together in one `crm.customer.resolve-many`
 * (group commit, as the stores), so crm resolves a burst of new visitors in one transaction
 * instead of one each. A failed batch is asked again item by item, so an item that crm
 * refuses fails alone and the others are answered (crm's identity key makes a second ask of
 * an identity the batch created find it, not create another).
 */
@Injectable()
export class CrmCustomers {
  private readonly logger = new Logger(CrmCustomers.name);
  private readonly batches = new GroupCommit<ResolveCustomerRequest, ResolveCustomerReply>(
    (batch) => this.resolveBatch(batch),
    MAX_RESOLVE_MANY,
  );

  constructor(private readonly rpc: RpcClient) {}

  resolve(request: ResolveCustomerRequest): Promise<ResolveCustomerReply> {
    return this.batches.add(request);
  }

  private async resolveBatch(
    batch: Queued<ResolveCustomerRequest>[],
  ): Promise<Promise<ResolveCustomerReply>[]> {
    // Alone, the one-by-one request is the same work in a smaller message. Awaited, as the
    // batch's request is: the requests made meanwhile wait and go together in the next batch.
    if (batch.length === 1) return [Promise.resolve(await this.resolveOne(batch[0]))];
    try {
      const { customers } = await this.rpc.request(SUBJECTS.crm.resolveCustomers, {
        items: batch.map(({ item }) => item),
      });
      if (customers.length !== batch.length) throw new Error('crm answered another count');
      return customers.map((customer) => Promise.resolve(customer));
    } catch (error) {
      this.logger.warn(
        { err: error, size: batch.length },
        'resolving customers in a batch failed: asking one by one',
      );
      return batch.map((queued) => this.resolveOne(queued));
    }
  }

  // Under the handler's correlation id, so crm's log lines of it name its message.
  private resolveOne({ item, correlationId }: Queued<ResolveCustomerRequest>) {
    return withCorrelationId(correlationId, () =>
      this.rpc.request(SUBJECTS.crm.resolveCustomer, item),
    );
  }
}
