import { Injectable } from '@nestjs/common';
import { ConversationEvent, ConversationStatus, nextConversationStatus } from '@hub/domain';
import type { EntityManager } from 'typeorm';
import type { Opening } from '../notifications/conversation-notifier';
import type { Conversation } from './conversation.entity';
import {
  ConversationRepository,
  type ConversationKey,
  type NewConversationDetails,
} from './conversation.repository';

/**
 * Finds the conversation an inbound message belongs to, inside the caller's transaction:
 * the sender's active one in this inbox, else their last resolved one (reopened), else a
 * new one. It returns the row locked, with the next sequence number already taken, so
 * concurrent messages of one conversation queue up here and numbers never skip or repeat.
 */
@Injectable()
export class OpenConversation {
  constructor(private readonly conversations: ConversationRepository) {}

  async forInbound(
    tx: EntityManager,
    key: ConversationKey,
    details: NewConversationDetails,
  ): Promise<{ conversation: Conversation; opening: Opening | null }> {
    for (;;) {
      const current =
        (await this.conversations.lockActive(tx, key)) ??
        (await this.conversations.lockLastResolved(tx, key));
      if (current) {
        const status = nextConversationStatus(current.status, ConversationEvent.Inbound);
        const reopened = current.status === ConversationStatus.Resolved;
        // Resolving ended the agent's ownership: the reopened conversation waits for routing.
        const conversation = await this.conversations.takeNextSeq(tx, current.id, {
          status,
          ...(reopened ? { resolvedAt: null, resolutionSeconds: null, assigneeId: null } : {}),
        });
        return { conversation, opening: reopened ? 'reopened' : null };
      }
      const created = await this.conversations.insertOpen(tx, key, details);
      // Lost a race with another first message: the loop finds the winner's conversation.
      if (created) {
        return {
          conversation: await this.conversations.takeNextSeq(tx, created, {
            status: ConversationStatus.Open,
          }),
          opening: 'new',
        };
      }
    }
  }
}
