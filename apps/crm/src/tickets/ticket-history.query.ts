import { Injectable } from '@nestjs/common';
import type { GetTicketRequest, TicketHistoryEntry } from '@hub/contracts';
import { Database } from '@hub/service-kit';
import { AuditTrail } from '../audit/audit-trail';
import { TicketsRepository } from './tickets.repository';

/** Every write of a ticket, oldest first: who, when, each field's old and new value. */
@Injectable()
export class TicketHistory {
  constructor(
    private readonly database: Database,
    private readonly tickets: TicketsRepository,
    private readonly audit: AuditTrail,
  ) {}

  async execute({ workspaceId, ticketId }: GetTicketRequest): Promise<TicketHistoryEntry[]> {
    const manager = this.database.dataSource.manager;
    await this.tickets.get(manager, workspaceId, ticketId);
    const entries = await this.audit.history(manager, workspaceId, ticketId);
    return entries.map((entry) => ({
      id: entry.id,
      action: entry.action,
      actorType: entry.actorType,
      actorId: entry.actorId,
      changes: entry.changes,
      occurredAt: entry.occurredAt.toISOString(),
    }));
  }
}
