import { Injectable } from '@nestjs/common';
import { SUBJECTS, type TicketCategoryView } from '@hub/contracts';
import { RpcClient } from '@hub/service-kit';
import { pick } from '../api/pick';
import { authErrors } from '../auth/auth.exception';
import { isSupervisor, type AuthenticatedAgent } from '../auth/authenticated-agent';
import type { CreateCategoryBody, RenameCategoryBody } from './dto/ticket.dto';

/** The workspace's ticket categories: every agent reads them, supervisors and admins edit. */
@Injectable()
export class TicketCategoriesService {
  constructor(private readonly rpc: RpcClient) {}

  list(agent: AuthenticatedAgent): Promise<TicketCategoryView[]> {
    return this.rpc.request(SUBJECTS.crm.listTicketCategories, {
      workspaceId: agent.workspaceId,
    });
  }

  create(agent: AuthenticatedAgent, body: CreateCategoryBody): Promise<TicketCategoryView> {
    if (!isSupervisor(agent)) throw authErrors.forbidden('create a ticket category');
    return this.rpc.request(SUBJECTS.crm.createTicketCategory, {
      workspaceId: agent.workspaceId,
      name: body.name,
      ...pick(body, ['parentId']),
    });
  }

  rename(
    agent: AuthenticatedAgent,
    categoryId: string,
    body: RenameCategoryBody,
  ): Promise<TicketCategoryView> {
    if (!isSupervisor(agent)) throw authErrors.forbidden('rename a ticket category');
    return this.rpc.request(SUBJECTS.crm.renameTicketCategory, {
      workspaceId: agent.workspaceId,
      categoryId,
      name: body.name,
    });
  }

  delete(agent: AuthenticatedAgent, categoryId: string): Promise<TicketCategoryView> {
    if (!isSupervisor(agent)) throw authErrors.forbidden('delete a ticket category');
    return this.rpc.request(SUBJECTS.crm.deleteTicketCategory, {
      workspaceId: agent.workspaceId,
      categoryId,
    });
  }
}
