import { Injectable } from '@nestjs/common';
import type { ListCustomerTicketsRequest, TicketView } from '@hub/contracts';
import { Database } from '@hub/service-kit';
import { In, type EntityManager } from 'typeorm';
import { TicketConversation } from './ticket-conversation.entity';
import { TicketError } from './ticket.exception';
import { viewOf, type TicketState } from './ticket-state';
import { Ticket } from './ticket.entity';

/** Reads tickets with their linked conversations and their requester's VIP flag. */
@Injectable()
export class TicketsRepository {
  constructor(private readonly database: Database) {}

  get manager(): EntityManager {
    return this.database.dataSource.manager;
  }

  /** The ticket, locked until the transaction ends: writers of one ticket go one at a time. */
  async lock(tx: EntityManager, workspaceId: string, ticketId: string): Promise<TicketState> {
    const ticket = await tx.findOne(Ticket, {
      where: { workspaceId, id: ticketId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!ticket) throw TicketError.notFound(ticketId);
    const [state] = await this.statesOf(tx, [ticket]);
    return state;
  }

  async get(tx: EntityManager, workspaceId: string, ticketId: string): Promise<TicketState> {
    const ticket = await tx.findOneBy(Ticket, { workspaceId, id: ticketId });
    if (!ticket) throw TicketError.notFound(ticketId);
    const [state] = await this.statesOf(tx, [ticket]);
    return state;
  }

  async listForCustomer({
    workspaceId,
    customerId,
  }: ListCustomerTicketsRequest): Promise<TicketView[]> {
    const tickets = await this.manager.find(Ticket, {
      where: { workspaceId, customerId },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
    return (await this.statesOf(this.manager, tickets)).map(viewOf);
  }

  /** The ticket a conversation is linked to, if any. */
  async ticketOfConversation(
    tx: EntityManager,
    workspaceId: string,
    conversationId: string,
  ): Promise<string | null> {
    const link = await tx.findOneBy(TicketConversation, { workspaceId, conversationId });
    return link?.ticketId ?? null;
  }

  /** Each ticket with its conversations (oldest link first) and its requester's VIP flag. */
  async statesOf(tx: EntityManager, tickets: Ticket[]): Promise<TicketState[]> {
    if (tickets.length === 0) return [];
    const ids = tickets.map((ticket) => ticket.id);
    const links = await tx.find(TicketConversation, {
      where: { ticketId: In(ids) },
      order: { linkedAt: 'ASC', conversationId: 'ASC' },
    });
    const vips = await this.vipCustomers(
      tx,
      tickets.map((ticket) => ticket.customerId),
    );
    return tickets.map((ticket) => ({
      ticket,
      conversationIds: links
        .filter((link) => link.ticketId === ticket.id)
        .map((link) => link.conversationId),
      vip: vips.has(ticket.customerId),
    }));
  }

  // The VIP flag is the customer record's (crm.customers.vip).
  private async vipCustomers(tx: EntityManager, customerIds: string[]): Promise<Set<string>> {
    const rows = await tx.query<{ id: string }[]>(
      `select c.id from crm.customers c where c.id = any($1::uuid[]) and c.vip`,
      [[...new Set(customerIds)]],
    );
    return new Set(rows.map((row) => row.id));
  }
}
