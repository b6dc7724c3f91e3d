import { Injectable, Logger } from '@nestjs/common';
import {
  SUBJECTS,
  type ConversationCustomerDataRequest,
  type CrmCustomerDataRequest,
  type WebVisitorDataRequest,
} from '@hub/contracts';
import { Database, DomainException, RpcClient } from '@hub/service-kit';
import { CustomerErasure } from './customer-erasure.entity';
import { webVisitorIds } from './web-visitor-ids';

/** The erasure record and, for this request, how many rows each table lost. */
export interface ErasureResult {
  id: string;
  customerId: string;
  requestedBy: string;
  requestedAt: string;
  completedAt: string;
  /** Table → rows deleted or anonymised by this request (empty when answered from the record). */
  erased: Record<string, number>;
}

/**
 * Erases one customer everywhere: the record is written first (who, when, which id), then each
 * service erases its part, crm last (it holds the ids the others are asked by), then the
 * record is completed. Every step is idempotent, so a request that failed halfway is finished
 * by asking again; one asked again after completion answers the record.
 */
@Injectable()
export class CustomerEraser {
  private readonly logger = new Logger(CustomerEraser.name);

  constructor(
    private readonly database: Database,
    private readonly rpc: RpcClient,
  ) {}

  async erase(
    workspaceId: string,
    customerId: string,
    requestedBy: string,
  ): Promise<ErasureResult> {
    const erasures = (await this.database.connected()).getRepository(CustomerErasure);
    const earlier = await erasures.findOneBy({ workspaceId, customerId });
    if (earlier?.completedAt) return resultOf(earlier, {});

    const crmRequest: CrmCustomerDataRequest = { workspaceId, customerId };
    const crm = await this.rpc
      .request(SUBJECTS.crm.exportCustomerData, crmRequest)
      .catch((error: unknown) => {
        // Gone from crm after an earlier, interrupted request: crm goes last, so all is done.
        if (earlier && error instanceof DomainException && error.code === 'CUSTOMER_NOT_FOUND')
          return null;
        throw error;
      });
    await erasures
      .createQueryBuilder()
      .insert()
      .values({ workspaceId, customerId, requestedBy })
      .orIgnore()
      .execute();
    const erased = crm
      ? await this.eraseEverywhere(workspaceId, customerId, webVisitorIds(crm))
      : {};
    await erasures.update({ workspaceId, customerId }, { completedAt: () => 'now()' });
    this.logger.log({ workspaceId, customerId, requestedBy }, 'customer erased');
    return resultOf(await erasures.findOneByOrFail({ workspaceId, customerId }), erased);
  }

  private async eraseEverywhere(
    workspaceId: string,
    customerId: string,
    visitorIds: string[],
  ): Promise<Record<string, number>> {
    const conversationRequest: ConversationCustomerDataRequest = { workspaceId, customerId };
    const conversations = await this.rpc.request(
      SUBJECTS.conversation.eraseCustomerData,
      conversationRequest,
      { timeoutMs: 30_000 },
    );
    const webRequest: WebVisitorDataRequest = { workspaceId, visitorIds };
    const web = await this.rpc.request(SUBJECTS.web.eraseVisitorData, webRequest, {
      timeoutMs: 30_000,
    });
    const crmRequest: CrmCustomerDataRequest = {
      workspaceId,
      customerId,
      conversationIds: conversations.conversationIds,
    };
    const crm = await this.rpc.request(SUBJECTS.crm.eraseCustomerData, crmRequest, {
      timeoutMs: 30_000,
    });
    return { ...conversations.erased, ...web.erased, ...crm.erased };
  }
}

function resultOf(erasure: CustomerErasure, erased: Record<string, number>): ErasureResult {
  return {
    id: erasure.id,
    customerId: erasure.customerId,
    requestedBy: erasure.requestedBy,
    requestedAt: erasure.requestedAt.toISOString(),
    completedAt: (erasure.completedAt ?? new Date()).toISOString(),
    erased,
  };
}
