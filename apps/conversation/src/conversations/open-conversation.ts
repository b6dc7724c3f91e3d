import { Injectable } from '@nestjs/common';
import {
  ACTIVE_CONVERSATION_STATUSES,
  ConversationEvent,
  ConversationStatus,
  nextConversationStatus,
} from '@hub/domain';
import { In, type EntityManager } from 'typeorm';
import type { Opening } from '../notifications/conversation-notifier';
import { Conversation } from './conversation.entity';

export interface ConversationKey {
  workspaceId: string;
  inboxId: string;
  customerId: string;
}

export interface NewConversationDetails {
  customerExternalId: string;
  departmentId: string | null;
}

/**
 * Finds the conversation an inbound message belongs to, inside the caller's transaction:
 * the customer's active one in this inbox, else their last resolved one (reopened), else a
 * new one. It returns the row locked, with the next sequence number already taken, so
 * concurrent messages of one conversation queue up here and numbers never skip or repeat.
 */
@Injectable()
export class OpenConversation {
  async forInbound(
    tx: EntityManager,
    key: ConversationKey,
    details: NewConversationDetails,
  ): Promise<{ conversation: Conversation; opening: Opening | null }> {
    for (;;) {
      const current = (await this.lockActive(tx, key)) ?? (await this.lockLastResolved(tx, key));
      if (current) {
        const status = nextConversationStatus(current.status, ConversationEvent.Inbound);
        const reopened = current.status === ConversationStatus.Resolved;
        const conversation = await this.takeNextSeq(tx, current.id, status, reopened);
        return { conversation, opening: reopened ? 'reopened' : null };
      }
      const created = await this.insertOpen(tx, key, details);
      // Lost a race with another first message: the loop finds the winner's conversation.
      if (created) {
        return {
          conversation: await this.takeNextSeq(tx, created, ConversationStatus.Open, false),
          opening: 'new',
        };
      }
    }
  }

  private lockActive(tx: EntityManager, key: ConversationKey): Promise<Conversation | null> {
    return tx.findOne(Conversation, {
      where: { ...key, status: In([...ACTIVE_CONVERSATION_STATUSES]) },
      lock: { mode: 'pessimistic_write' },
    });
  }

  private lockLastResolved(tx: EntityManager, key: ConversationKey): Promise<Conversation | null> {
    return tx.findOne(Conversation, {
      where: { ...key, status: ConversationStatus.Resolved },
      order: { updatedAt: 'DESC' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  private async insertOpen(
    tx: EntityManager,
    key: ConversationKey,
    details: NewConversationDetails,
  ): Promise<string | undefined> {
    const result = await tx
      .createQueryBuilder()
      .insert()
      .into(Conversation)
      .values({ ...key, ...details, status: ConversationStatus.Open })
      .orIgnore()
      .returning('id')
      .execute();
    return (result.raw as { id: string }[])[0]?.id;
  }

  private async takeNextSeq(
    tx: EntityManager,
    id: string,
    status: ConversationStatus,
    reopened: boolean,
  ): Promise<Conversation> {
    await tx
      .createQueryBuilder()
      .update(Conversation)
      .set({
        lastSeq: () => 'last_seq + 1',
        status,
        updatedAt: () => 'now()',
        ...(reopened ? { resolvedAt: null, resolutionSeconds: null, assigneeId: null } : {}),
      })
      .where('id = :id', { id })
      .execute();
    return tx.findOneByOrFail(Conversation, { id });
  }
}
