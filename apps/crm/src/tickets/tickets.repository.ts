import { Injectable } from '@nestjs/common';
import type { ListCustomerTicketsRequest, TicketView } from '@hub/contracts';
import { Database } from '@hub/service-kit';
import { Ticket } from './ticket.entity';

@Injectable()
export class TicketsRepository {
  constructor(private readonly database: Database) {}

  async listForCustomer({
    workspaceId,
    customerId,
  }: ListCustomerTicketsRequest): Promise<TicketView[]> {
    const tickets = await this.database.dataSource.manager.find(Ticket, {
      where: { workspaceId, customerId },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
    return tickets.map((ticket) => ({
      id: ticket.id,
      workspaceId: ticket.workspaceId,
      customerId: ticket.customerId,
      subject: ticket.subject,
      description: ticket.description,
      status: ticket.status,
      priority: ticket.priority,
      departmentId: ticket.departmentId,
      source: ticket.source,
      createdAt: ticket.createdAt.toISOString(),
    }));
  }
}
