import { Injectable } from '@nestjs/common';
import {
  conversationEventId,
  CSAT_WINDOW_DAYS,
  realtimeSubjects,
  SUBJECTS,
  type ConversationRated,
  type ConversationRatedRealtime,
  type CsatView,
  type SubmitCsatRequest,
} from '@hub/contracts';
import { ConversationStatus } from '@hub/domain';
import { Database, Realtime } from '@hub/service-kit';
import type { EntityManager } from 'typeorm';
import type { Conversation } from '../conversations/conversation.entity';
import { ConversationRepository } from '../conversations/conversation.repository';
import { toCsatView } from '../conversations/views';
import { InboxDirectory } from '../inboxes/inbox-directory';
import { ConversationNotifier } from '../notifications/conversation-notifier';
import { Outbox, pendingEvent, type PendingEvent } from '@hub/outbox';
import { csatNotAllowed } from './csat.exception';

const WINDOW_MS = CSAT_WINDOW_DAYS * 24 * 60 * 60 * 1000;
const RATEABLE: readonly ConversationStatus[] = [
  ConversationStatus.Resolved,
  ConversationStatus.Closed,
];

/**
 * A visitor rates their own conversation once it is resolved: stored on the row (a later
 * rating within the window replaces it), `conversation.rated.v1` through the outbox, then
 * the workspace's agents are told (`conversation.rated`) and the visitor's other tabs see it.
 */
@Injectable()
export class SubmitCsat {
  constructor(
    private readonly database: Database,
    private readonly conversations: ConversationRepository,
    private readonly inboxes: InboxDirectory,
    private readonly notifier: ConversationNotifier,
    private readonly outbox: Outbox,
    private readonly realtime: Realtime,
  ) {}

  async execute(request: SubmitCsatRequest): Promise<CsatView> {
    const { rated, event } = await this.database.dataSource.transaction((tx) =>
      this.store(tx, request),
    );
    await this.outbox.flush([event]);
    const { channel } = await this.inboxes.get(rated.inboxId);
    const csat = toCsatView(rated) as CsatView;
    const notice: ConversationRatedRealtime = {
      type: 'conversation.rated',
      conversationId: rated.id,
      rating: csat.rating,
      comment: csat.comment,
    };
    await Promise.all([
      this.realtime.publish(realtimeSubjects.workspace(rated.workspaceId), notice),
      this.notifier.fanOutConversation(rated, channel),
    ]);
    return csat;
  }

  private async store(
    tx: EntityManager,
    request: SubmitCsatRequest,
  ): Promise<{ rated: Conversation; event: PendingEvent }> {
    const current = await this.conversations.lockInWorkspace(
      tx,
      request.workspaceId,
      request.conversationId,
    );
    if (!current || !mayRate(current, request, new Date())) {
      throw csatNotAllowed(request.conversationId);
    }
    const rated = await this.conversations.update(tx, current.id, {
      csatRating: request.rating,
      csatComment: request.comment ?? null,
      csatSubmittedAt: new Date(),
    });
    const event = ratedEvent(rated);
    await this.outbox.add(tx, [event]);
    return { rated, event };
  }
}

/** The visitor's own conversation in their inbox, resolved within the rating window. */
export function mayRate(
  conversation: Conversation,
  request: SubmitCsatRequest,
  now: Date,
): boolean {
  return (
    conversation.inboxId === request.inboxId &&
    conversation.customerExternalId === request.visitorId &&
    RATEABLE.includes(conversation.status) &&
    conversation.resolvedAt !== null &&
    now.getTime() - conversation.resolvedAt.getTime() <= WINDOW_MS
  );
}

function ratedEvent(conversation: Conversation): PendingEvent {
  const submittedAt = conversation.csatSubmittedAt as Date;
  const payload: ConversationRated = {
    eventId: conversationEventId('rated', conversation.id, submittedAt.getTime()),
    workspaceId: conversation.workspaceId,
    conversationId: conversation.id,
    occurredAt: submittedAt.toISOString(),
    rating: conversation.csatRating as number,
    comment: conversation.csatComment,
    assigneeId: conversation.assigneeId,
    submittedAt: submittedAt.toISOString(),
  };
  return pendingEvent(SUBJECTS.conversation.conversationRated, conversation.workspaceId, payload);
}
