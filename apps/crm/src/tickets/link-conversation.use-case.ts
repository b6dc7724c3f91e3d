import { Injectable } from '@nestjs/common';
import type { LinkTicketConversationRequest, TicketView } from '@hub/contracts';
import { TicketStatus } from '@hub/domain';
import { Outbox } from '@hub/outbox';
import { Database } from '@hub/service-kit';
import type { EntityManager } from 'typeorm';
import { isConversationLinkedRace } from './ticket-links';
import { TicketError } from './ticket.exception';
import { cloneState, viewOf } from './ticket-state';
import { TicketRecorder } from './ticket-writer';
import { TicketsRepository } from './tickets.repository';

/** Links a conversation (any channel) to a ticket, or unlinks it; both are ticket writes. */
@Injectable()
export class LinkConversation {
  constructor(
    private readonly database: Database,
    private readonly tickets: TicketsRepository,
    private readonly recorder: TicketRecorder,
    private readonly outbox: Outbox,
  ) {}

  async link(request: LinkTicketConversationRequest): Promise<TicketView> {
    const { view, events } = await this.database.dataSource
      .transaction((tx) => this.write(tx, request, 'link'))
      .catch((error: unknown) => {
        if (isConversationLinkedRace(error)) {
          throw TicketError.conversationLinked(request.conversationId, 'another ticket');
        }
        throw error;
      });
    await this.outbox.flush(events);
    return view;
  }

  async unlink(request: LinkTicketConversationRequest): Promise<TicketView> {
    const { view, events } = await this.database.dataSource.transaction((tx) =>
      this.write(tx, request, 'unlink'),
    );
    await this.outbox.flush(events);
    return view;
  }

  private async write(
    tx: EntityManager,
    { workspaceId, ticketId, conversationId, actor }: LinkTicketConversationRequest,
    how: 'link' | 'unlink',
  ) {
    const before = await this.tickets.lock(tx, workspaceId, ticketId);
    if (before.ticket.status === TicketStatus.Closed) throw TicketError.closed(ticketId);
    const linkedTo = await this.tickets.ticketOfConversation(tx, workspaceId, conversationId);
    const after = cloneState(before);
    if (how === 'link') {
      if (linkedTo !== null && linkedTo !== ticketId) {
        throw TicketError.conversationLinked(conversationId, linkedTo);
      }
      if (linkedTo === null) after.conversationIds.push(conversationId);
    } else {
      if (linkedTo !== ticketId) throw TicketError.conversationNotLinked(conversationId);
      after.conversationIds = after.conversationIds.filter((id) => id !== conversationId);
    }
    const events = await this.recorder.record(tx, {
      before,
      after,
      action: how === 'link' ? 'conversation_linked' : 'conversation_unlinked',
      actor: { type: 'agent', id: actor.agentId },
    });
    return { view: viewOf(events.length > 0 ? after : before), events };
  }
}
