import { Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiController, ApiErrors } from '../api/api-controller.decorator';
import { CustomerErasureSchema, CustomerExportSchema } from '../api/view-schemas';
import { authErrors } from '../auth/auth.exception';
import { isAdmin, isSupervisor, type AuthenticatedAgent } from '../auth/authenticated-agent';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { CustomerParams } from '../customers/dto/customer.dto';
import { CustomerEraser, type ErasureResult } from './customer-erasure';
import { CustomerExporter, type CustomerExport } from './customer-export';

@ApiController('customers', 'privacy')
export class PrivacyController {
  constructor(
    private readonly exporter: CustomerExporter,
    private readonly eraser: CustomerEraser,
  ) {}

  @Get(':customerId/export')
  @ApiOperation({
    summary: "Supervisors and admins: all of one customer's data as JSON (right of access)",
    description:
      'The crm record with identities, attributes, orders, notes, tickets and their history; ' +
      'conversations on every channel with their messages; the visits, page views and ' +
      'invitations of their web visitor ids. Rows are given as each service stores them.',
  })
  @ApiOkResponse({ type: CustomerExportSchema })
  @ApiErrors(
    { status: 403, description: 'AUTH_FORBIDDEN (an agent)' },
    { status: 404, description: 'CUSTOMER_NOT_FOUND (also for a customer of another workspace)' },
  )
  export(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { customerId }: CustomerParams,
  ): Promise<CustomerExport> {
    if (!isSupervisor(agent)) throw authErrors.forbidden("export a customer's data");
    return this.exporter.export(agent.workspaceId, customerId);
  }

  @Post(':customerId/erase')
  @HttpCode(200)
  @ApiOperation({
    summary: "Admin only: erase all of one customer's data in every service (right to erasure)",
    description:
      'crm deletes the customer, identities, attributes, orders, notes, tickets and their ' +
      'history; conversation deletes the messages and keeps each conversation without text ' +
      'or address; connector-web deletes visits, page views, invitations and sessions. The ' +
      'erasure is recorded (who, when, which customer id), never what was erased. Asking again ' +
      'finishes an interrupted erasure, or answers the record of a finished one.',
  })
  @ApiOkResponse({ type: CustomerErasureSchema })
  @ApiErrors(
    { status: 403, description: 'AUTH_FORBIDDEN (not an admin)' },
    { status: 404, description: 'CUSTOMER_NOT_FOUND (and never erased in this workspace)' },
  )
  erase(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Param() { customerId }: CustomerParams,
  ): Promise<ErasureResult> {
    if (!isAdmin(agent)) throw authErrors.adminOnly("erase a customer's data");
    return this.eraser.erase(agent.workspaceId, customerId, agent.agentId);
  }
}
