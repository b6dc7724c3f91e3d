import { Injectable } from '@nestjs/common';
import { SUBJECTS, type AttributeDefinitionView, type DeletedAttributeView } from '@hub/contracts';
import { RpcClient } from '@hub/service-kit';
import { pick } from '../api/pick';
import { authErrors } from '../auth/auth.exception';
import { isAdmin, isSupervisor, type AuthenticatedAgent } from '../auth/authenticated-agent';
import { crmActorOf } from './customers.service';
import type { DefineAttributeBody, UpdateAttributeBody } from './dto/customer.dto';

/**
 * The workspace's custom customer attributes: every agent reads them, supervisors define them,
 * admins delete them (with every customer's value of them).
 */
@Injectable()
export class CustomerAttributesService {
  constructor(private readonly rpc: RpcClient) {}

  list(agent: AuthenticatedAgent): Promise<AttributeDefinitionView[]> {
    return this.rpc.request(SUBJECTS.crm.listAttributes, { workspaceId: agent.workspaceId });
  }

  define(agent: AuthenticatedAgent, body: DefineAttributeBody): Promise<AttributeDefinitionView> {
    if (!isSupervisor(agent)) throw authErrors.forbidden('define customer attributes');
    return this.rpc.request(SUBJECTS.crm.defineAttribute, {
      workspaceId: agent.workspaceId,
      actor: crmActorOf(agent),
      key: body.key,
      label: body.label,
      type: body.type,
      ...pick(body, ['options']),
    });
  }

  update(
    agent: AuthenticatedAgent,
    definitionId: string,
    body: UpdateAttributeBody,
  ): Promise<AttributeDefinitionView> {
    if (!isSupervisor(agent)) throw authErrors.forbidden('change customer attributes');
    return this.rpc.request(SUBJECTS.crm.updateAttribute, {
      workspaceId: agent.workspaceId,
      actor: crmActorOf(agent),
      definitionId,
      ...pick(body, ['label', 'options']),
    });
  }

  delete(agent: AuthenticatedAgent, definitionId: string): Promise<DeletedAttributeView> {
    if (!isAdmin(agent)) throw authErrors.adminOnly('delete customer attributes');
    return this.rpc.request(SUBJECTS.crm.deleteAttribute, {
      workspaceId: agent.workspaceId,
      actor: crmActorOf(agent),
      definitionId,
    });
  }
}
