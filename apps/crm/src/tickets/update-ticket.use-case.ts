import { Injectable } from '@nestjs/common';
import type { UpdateTicketRequest, TicketView } from '@hub/contracts';
import { AgentRole } from '@hub/domain';
import { Outbox } from '@hub/outbox';
import { Database } from '@hub/service-kit';
import type { EntityManager } from 'typeorm';
import { TicketCategoriesService } from '../categories/ticket-categories.service';
import { applyTicketChange } from './ticket-change';
import { TicketError } from './ticket.exception';
import { viewOf, type TicketState } from './ticket-state';
import { TicketRecorder } from './ticket-writer';
import { TicketsRepository } from './tickets.repository';

/**
 * An agent changes a ticket they read at `version`: under the ticket's row lock, a stale
 * version is refused (TICKET_CONFLICT) before anything is written, so of two agents editing at
 * once the second never silently overwrites the first. A change of assignee or department is
 * a transfer, and its note is kept in the history.
 */
@Injectable()
export class UpdateTicket {
  constructor(
    private readonly database: Database,
    private readonly tickets: TicketsRepository,
    private readonly categories: TicketCategoriesService,
    private readonly recorder: TicketRecorder,
    private readonly outbox: Outbox,
  ) {}

  async execute(request: UpdateTicketRequest): Promise<TicketView> {
    const { view, events } = await this.database.dataSource.transaction((tx) =>
      this.update(tx, request),
    );
    await this.outbox.flush(events);
    return view;
  }

  private async update(tx: EntityManager, request: UpdateTicketRequest) {
    const { workspaceId, ticketId, actor } = request;
    const before = await this.tickets.lock(tx, workspaceId, ticketId);
    if (before.ticket.version !== request.version) {
      throw TicketError.conflict(ticketId, request.version, before.ticket.version);
    }
    assertMayChange(before, actor);
    if (request.categoryId) await this.categories.find(tx, workspaceId, request.categoryId);
    const after = applyTicketChange(before, request, new Date());
    const events = await this.recorder.record(tx, {
      before,
      after,
      action: actionOf(before, after),
      actor: { type: 'agent', id: actor.agentId },
      note: request.note,
    });
    return { view: viewOf(events.length > 0 ? after : before), events };
  }
}

// Agents change tickets nobody has or they have; supervisors and admins any.
function assertMayChange(state: TicketState, actor: UpdateTicketRequest['actor']): void {
  const { assigneeId } = state.ticket;
  if (actor.role === AgentRole.Agent && assigneeId !== null && assigneeId !== actor.agentId) {
    throw TicketError.notYours();
  }
}

function actionOf(before: TicketState, after: TicketState): string {
  const { ticket: old } = before;
  const { ticket } = after;
  if (old.assigneeId !== ticket.assigneeId || old.departmentId !== ticket.departmentId) {
    return 'transferred';
  }
  if (old.status !== ticket.status) return 'status_changed';
  return 'updated';
}
