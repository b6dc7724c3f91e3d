import { Injectable } from '@nestjs/common';
import {
  SUBJECTS,
  type CrmActor,
  type CustomerPage,
  type CustomerView,
  type LinkDecision,
  type LinkSuggestionView,
  type SearchCustomersRequest,
} from '@hub/contracts';
import { DomainException, RpcClient } from '@hub/service-kit';
import { pick } from '../api/pick';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';
import type { AddIdentityBody, CustomerBody, SearchCustomersQuery } from './dto/customer.dto';

/** The agent as crm records them in audit entries and events. */
export function crmActorOf(agent: AuthenticatedAgent): CrmActor {
  return { type: 'agent', id: agent.agentId };
}

/** Customer records from crm, always within the agent's workspace. */
@Injectable()
export class CustomersService {
  constructor(private readonly rpc: RpcClient) {}

  async get(agent: AuthenticatedAgent, customerId: string): Promise<CustomerView> {
    const customer = await this.rpc.request(SUBJECTS.crm.getCustomer, {
      workspaceId: agent.workspaceId,
      customerId,
    });
    return this.ownWorkspace(agent, customer);
  }

  async search(agent: AuthenticatedAgent, query: SearchCustomersQuery): Promise<CustomerPage> {
    const request: SearchCustomersRequest = {
      workspaceId: agent.workspaceId,
      ...pick(query, ['query', 'tag', 'cursor', 'limit']),
      ...(query.attributeKey !== undefined && query.attributeValue !== undefined
        ? { attribute: { key: query.attributeKey, value: query.attributeValue } }
        : {}),
    };
    const page = await this.rpc.request(SUBJECTS.crm.searchCustomers, request);
    return {
      ...page,
      customers: page.customers.filter((customer) => customer.workspaceId === agent.workspaceId),
    };
  }

  async create(agent: AuthenticatedAgent, body: CustomerBody): Promise<CustomerView> {
    const customer = await this.rpc.request(SUBJECTS.crm.createCustomer, {
      ...body,
      workspaceId: agent.workspaceId,
      actor: crmActorOf(agent),
    });
    return this.ownWorkspace(agent, customer);
  }

  async update(
    agent: AuthenticatedAgent,
    customerId: string,
    body: CustomerBody,
  ): Promise<CustomerView> {
    const customer = await this.rpc.request(SUBJECTS.crm.updateCustomer, {
      ...body,
      workspaceId: agent.workspaceId,
      actor: crmActorOf(agent),
      customerId,
    });
    return this.ownWorkspace(agent, customer);
  }

  async addIdentity(
    agent: AuthenticatedAgent,
    customerId: string,
    body: AddIdentityBody,
  ): Promise<CustomerView> {
    const customer = await this.rpc.request(SUBJECTS.crm.addIdentity, {
      workspaceId: agent.workspaceId,
      actor: crmActorOf(agent),
      customerId,
      channel: body.channel,
      externalId: body.externalId,
      ...pick(body, ['verified']),
    });
    return this.ownWorkspace(agent, customer);
  }

  async removeIdentity(
    agent: AuthenticatedAgent,
    ids: { customerId: string; identityId: string },
  ): Promise<CustomerView> {
    const customer = await this.rpc.request(SUBJECTS.crm.removeIdentity, {
      workspaceId: agent.workspaceId,
      actor: crmActorOf(agent),
      ...ids,
    });
    return this.ownWorkspace(agent, customer);
  }

  suggestions(agent: AuthenticatedAgent, customerId: string): Promise<LinkSuggestionView[]> {
    return this.rpc.request(SUBJECTS.crm.listLinkSuggestions, {
      workspaceId: agent.workspaceId,
      customerId,
    });
  }

  decide(
    agent: AuthenticatedAgent,
    ids: { customerId: string; suggestionId: string },
    decision: LinkDecision,
  ): Promise<LinkSuggestionView> {
    return this.rpc.request(SUBJECTS.crm.decideLinkSuggestion, {
      workspaceId: agent.workspaceId,
      actor: crmActorOf(agent),
      ...ids,
      decision,
    });
  }

  // Defence in depth: crm scopes by workspace already.
  private ownWorkspace(agent: AuthenticatedAgent, customer: CustomerView): CustomerView {
    if (customer.workspaceId !== agent.workspaceId) {
      throw new DomainException('CUSTOMER_NOT_FOUND', 'Customer not found');
    }
    return customer;
  }
}
