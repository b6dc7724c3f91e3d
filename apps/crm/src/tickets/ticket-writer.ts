import { Injectable } from '@nestjs/common';
import { SUBJECTS, type TicketActorType, type TicketChanged } from '@hub/contracts';
import { Outbox, pendingEvent, type PendingEvent } from '@hub/outbox';
import type { EntityManager } from 'typeorm';
import type { AuditChange } from '../audit/audit-entry.entity';
import { AuditTrail } from '../audit/audit-trail';
import { Ticket } from './ticket.entity';
import { TicketConversation } from './ticket-conversation.entity';
import { changesBetween, snapshotOf, type TicketState } from './ticket-state';

/** Who wrote: an agent, or crm itself (a reopen by a customer's message). */
export interface TicketWriter {
  type: TicketActorType;
  id: string | null;
}

export interface TicketWrite {
  /** Null for a ticket just inserted (a creation). */
  before: TicketState | null;
  after: TicketState;
  /** What the history calls it: `created`, `updated`, `transferred`, `reopened`... */
  action: string;
  actor: TicketWriter;
  /** Why, kept with the change (a transfer's note). */
  note?: string;
}

/**
 * The one way a ticket write is recorded, in the caller's transaction: the row (version bumped
 * for a change, so a writer holding the old version gets a conflict), the conversation links,
 * an audit entry and `evt.crm.ticket.changed.v1` in the outbox. Answers the events to flush
 * after the commit; none when the write changed nothing.
 */
@Injectable()
export class TicketRecorder {
  constructor(
    private readonly audit: AuditTrail,
    private readonly outbox: Outbox,
  ) {}

  async record(tx: EntityManager, write: TicketWrite): Promise<PendingEvent[]> {
    const { before, after, actor } = write;
    const fieldChanges = changesBetween(before, after);
    if (before && fieldChanges.length === 0) return [];
    if (before) await this.saveChange(tx, before, after);
    const changes: AuditChange[] = write.note
      ? [...fieldChanges, { field: 'note', from: null, to: write.note }]
      : fieldChanges;
    const { ticket } = after;
    await this.audit.record(tx, [
      {
        workspaceId: ticket.workspaceId,
        entityType: 'ticket',
        entityId: ticket.id,
        action: write.action,
        actorType: actor.type,
        actorId: actor.id,
        changes,
      },
    ]);
    const event: TicketChanged = {
      eventId: `crm.ticket.changed:${ticket.id}:${ticket.version}`,
      workspaceId: ticket.workspaceId,
      occurredAt: ticket.updatedAt.toISOString(),
      created: before === null,
      ticket: snapshotOf(after),
      changes,
      actorType: actor.type,
      actorId: actor.id,
    };
    return this.outbox.add(tx, [
      pendingEvent(SUBJECTS.crm.ticketChanged, ticket.workspaceId, event),
    ]);
  }

  private async saveChange(
    tx: EntityManager,
    before: TicketState,
    after: TicketState,
  ): Promise<void> {
    const { ticket } = after;
    ticket.version = before.ticket.version + 1;
    ticket.updatedAt = new Date();
    await tx.update(
      Ticket,
      { id: ticket.id },
      {
        customerId: ticket.customerId,
        subject: ticket.subject,
        description: ticket.description,
        status: ticket.status,
        solvedAt: ticket.solvedAt,
        priority: ticket.priority,
        categoryId: ticket.categoryId,
        tags: ticket.tags,
        assigneeId: ticket.assigneeId,
        departmentId: ticket.departmentId,
        dueAt: ticket.dueAt,
        version: ticket.version,
        updatedAt: ticket.updatedAt,
      },
    );
    const removed = before.conversationIds.filter((id) => !after.conversationIds.includes(id));
    const added = after.conversationIds.filter((id) => !before.conversationIds.includes(id));
    if (removed.length > 0) {
      await tx
        .createQueryBuilder()
        .delete()
        .from(TicketConversation)
        .where('ticket_id = :ticketId AND conversation_id IN (:...removed)', {
          ticketId: ticket.id,
          removed,
        })
        .execute();
    }
    if (added.length > 0) await this.link(tx, ticket, added);
  }

  /** Links conversations; a conversation linked to another ticket fails the unique key. */
  async link(tx: EntityManager, ticket: Ticket, conversationIds: string[]): Promise<void> {
    await tx.insert(
      TicketConversation,
      conversationIds.map((conversationId) => ({
        workspaceId: ticket.workspaceId,
        ticketId: ticket.id,
        conversationId,
      })),
    );
  }
}
