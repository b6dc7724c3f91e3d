import { Injectable } from '@nestjs/common';
import { ConversationEvent, ConversationStatus, nextConversationStatus } from '@hub/domain';
import type { InboundEmailThread } from '@hub/contracts';
import type { EntityManager } from 'typeorm';
import { EmailThreadFinder } from '../email/email-thread-finder';
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
 * new one. A mail reopens only the resolved conversation of its thread (email-thread-finder),
 * else starts a new one. It returns the row locked, with the next sequence number already taken, so
 * concurrent messages of one conversation queue up here and numbers never skip or repeat.
 */
@Injectable()
export class OpenConversation {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly emailThreads: EmailThreadFinder,
  ) {}

  async forInbound(
    tx: EntityManager,
    key: ConversationKey,
    details: NewConversationDetails,
    email?: InboundEmailThread,
  ): Promise<{ conversation: Conversation; opening: Opening | null }> {
    for (;;) {
      const active = await this.conversations.takeNextSeqOfActive(tx, key);
      if (active) return { conversation: active, opening: null };
      const resolved = email
        ? await this.emailThreads.lockResolvedThread(tx, key, email)
        : await this.conversations.lockLastResolved(tx, key);
      if (resolved) {
        // Locked by id after it was found: a concurrent message may have reopened it meanwhile.
        const status = nextConversationStatus(resolved.status, ConversationEvent.Inbound);
        const reopened = resolved.status === ConversationStatus.Resolved;
        // Resolving ended the agent's ownership: the reopened conversation waits for routing.
        const conversation = await this.conversations.takeNextSeq(tx, resolved.id, {
          status,
          ...(reopened ? { resolvedAt: null, resolutionSeconds: null, assigneeId: null } : {}),
        });
        return { conversation, opening: reopened ? 'reopened' : null };
      }
      const created = await this.conversations.insertOpen(tx, key, {
        ...details,
        subject: email?.subject ?? null,
      });
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
