import { Injectable } from '@nestjs/common';
import {
  SUBJECTS,
  type ConversationCustomerDataRequest,
  type ConversationCustomerExport,
  type CrmCustomerDataRequest,
  type CrmCustomerExport,
  type ExportedRow,
  type WebVisitorDataRequest,
} from '@hub/contracts';
import { RpcClient } from '@hub/service-kit';
import { webVisitorIds } from './web-visitor-ids';

/** One customer's data from every service that holds some, as one JSON document. */
export interface CustomerExport {
  exportedAt: string;
  workspaceId: string;
  customerId: string;
  /** crm: the customer row and, per table, their rows (identities, orders, notes, tickets...). */
  crm: CrmCustomerExport;
  /** conversation: their conversations on every channel, each with its messages. */
  conversations: ConversationCustomerExport['conversations'];
  /** connector-web: per table, what the widget recorded about their web visitor ids. */
  web: Record<string, ExportedRow[]>;
}

/**
 * Asks each service for its part of one customer's data: conversation first (crm exports the
 * notes written on the customer's conversations), then crm (it knows the web visitor ids),
 * then connector-web.
 */
@Injectable()
export class CustomerExporter {
  constructor(private readonly rpc: RpcClient) {}

  async export(workspaceId: string, customerId: string): Promise<CustomerExport> {
    const conversationRequest: ConversationCustomerDataRequest = { workspaceId, customerId };
    const { conversations } = await this.rpc.request(
      SUBJECTS.conversation.exportCustomerData,
      conversationRequest,
      { timeoutMs: 30_000 },
    );
    const crmRequest: CrmCustomerDataRequest = {
      workspaceId,
      customerId,
      conversationIds: conversations.map((conversation) => String(conversation.id)),
    };
    const crm = await this.rpc.request(SUBJECTS.crm.exportCustomerData, crmRequest);
    const webRequest: WebVisitorDataRequest = { workspaceId, visitorIds: webVisitorIds(crm) };
    const web = await this.rpc.request(SUBJECTS.web.exportVisitorData, webRequest, {
      timeoutMs: 30_000,
    });
    return {
      exportedAt: new Date().toISOString(),
      workspaceId,
      customerId,
      crm,
      conversations,
      web: web.tables,
    };
  }
}
