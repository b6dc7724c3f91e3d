import { Injectable } from '@nestjs/common';
import { DeliveryStatus } from '@hub/domain';
import { Database } from '@hub/service-kit';

/** A reply whose delivery status a report changed, with the agent who should hear of it. */
export interface DeliveryChange {
  workspaceId: string;
  conversationId: string;
  messageId: string;
  assigneeId: string | null;
  deliveryStatus: DeliveryStatus;
  deliveryError: string | null;
  channelMessageId: string | null;
}

// What every write returns: the changed rows (`m`) with their conversation's assignee (`c`).
const CHANGED = `m.workspace_id as "workspaceId", m.conversation_id as "conversationId",
  m.id as "messageId", c.assignee_id as "assigneeId", m.delivery_status as "deliveryStatus",
  m.delivery_error as "deliveryError", m.channel_message_id as "channelMessageId"`;

// The order delivery statuses move in; a report moving backwards changes nothing.
const DELIVERY_ORDER: DeliveryStatus[] = [
  DeliveryStatus.Pending,
  DeliveryStatus.Sent,
  DeliveryStatus.Delivered,
  DeliveryStatus.Read,
  DeliveryStatus.Failed,
];

/**
 * The delivery status of replies, as the channels report it. Each write returns only the rows
 * it really changed, so a repeated report tells nobody anything twice.
 */
@Injectable()
export class DeliveryStatusRepository {
  constructor(private readonly database: Database) {}

  /**
   * Records what became of a mailed reply (or an API inbox's callback). A failure (a bounce)
   * may follow a success; a late success never hides a failure.
   */
  async record(change: {
    workspaceId: string;
    messageId: string;
    status: DeliveryStatus;
    error: string | null;
  }): Promise<DeliveryChange[]> {
    return this.database.dataSource.query<DeliveryChange[]>(
      `update conversation.messages m set delivery_status = $3, delivery_error = $4
         from conversation.conversations c
        where m.id = $1 and m.workspace_id = $2 and c.id = m.conversation_id
          and not (m.delivery_status = $5 and $3 <> $5)
          and (m.delivery_status, m.delivery_error) is distinct from ($3, $4::text)
       returning ${CHANGED}`,
      [change.messageId, change.workspaceId, change.status, change.error, DeliveryStatus.Failed],
    );
  }

  /**
   * Records what a platform reported about a social reply, found by our id or the platform's.
   * Statuses only move forward (pending, sent, delivered, read, failed): a late `delivered`
   * never undoes `read`, nothing undoes `failed`. `matched` is false when no such message is
   * stored.
   */
  async recordSocial(report: {
    workspaceId: string;
    inboxId: string;
    messageId?: string;
    channelMessageId?: string;
    status: DeliveryStatus;
    reason?: string;
  }): Promise<{ matched: boolean; changes: DeliveryChange[] }> {
    const rows = await this.database.dataSource.query<
      { matched: number; changes: DeliveryChange[] }[]
    >(
      `with target as (
         select id, delivery_status from conversation.messages
          where workspace_id = $1 and inbox_id = $2
            and (($3::uuid is not null and id = $3::uuid)
              or ($3::uuid is null and channel_message_id = $4))),
       changed as (
         update conversation.messages m
            set delivery_status = $5,
                delivery_error = case when $5 = 'failed' then $6 else m.delivery_error end,
                channel_message_id = coalesce(m.channel_message_id, $4)
           from target, conversation.conversations c
          where m.id = target.id and c.id = m.conversation_id
            and array_position($7::text[], target.delivery_status) < array_position($7::text[], $5::text)
          returning ${CHANGED})
       select (select count(*) from target)::int as matched,
              coalesce((select json_agg(changed) from changed), '[]'::json) as changes`,
      [
        report.workspaceId,
        report.inboxId,
        report.messageId ?? null,
        report.channelMessageId ?? null,
        report.status,
        report.reason ?? null,
        DELIVERY_ORDER,
      ],
    );
    return { matched: rows[0].matched > 0, changes: rows[0].changes };
  }

  /**
   * Records a Messenger watermark: every reply to the customer (`recipientId`, the conversation's
   * sender) the platform took before `upTo` moves to `status`, only forward. Not yet sent ones
   * (no platform id) are left: the platform has not seen them.
   */
  async recordSocialWatermark(report: {
    workspaceId: string;
    inboxId: string;
    recipientId: string;
    upTo: Date;
    status: DeliveryStatus;
  }): Promise<DeliveryChange[]> {
    return this.database.dataSource.query<DeliveryChange[]>(
      `update conversation.messages m
          set delivery_status = $5
         from conversation.conversations c
        where c.id = m.conversation_id and c.inbox_id = $2 and c.customer_external_id = $3
          and m.workspace_id = $1 and m.inbox_id = $2 and m.direction = 'outbound'
          and m.channel_message_id is not null and m.created_at <= $4
          and array_position($6::text[], m.delivery_status) < array_position($6::text[], $5::text)
       returning ${CHANGED}`,
      [
        report.workspaceId,
        report.inboxId,
        report.recipientId,
        report.upTo,
        report.status,
        DELIVERY_ORDER,
      ],
    );
  }

  /**
   * Records a web visitor's receipt: every reply of their conversation up to `upToSeq` moves to
   * `status`, only forward, in one statement. `owned` is false when the conversation is not
   * that visitor's in that inbox (nothing is changed then).
   */
  async recordVisitorReceipt(receipt: {
    workspaceId: string;
    inboxId: string;
    visitorId: string;
    conversationId: string;
    upToSeq: number;
    status: DeliveryStatus;
  }): Promise<{ owned: boolean; changes: DeliveryChange[] }> {
    const rows = await this.database.dataSource.query<
      { owned: boolean; changes: DeliveryChange[] }[]
    >(
      `with owned as (
         select id from conversation.conversations
          where id = $1 and workspace_id = $2 and inbox_id = $3 and customer_external_id = $4),
       changed as (
         update conversation.messages m
            set delivery_status = $6
           from owned, conversation.conversations c
          where c.id = owned.id and m.conversation_id = owned.id
            and m.direction = 'outbound' and m.seq <= $5
            and array_position($7::text[], m.delivery_status) < array_position($7::text[], $6::text)
          returning ${CHANGED})
       select exists (select 1 from owned) as owned,
              coalesce((select json_agg(changed) from changed), '[]'::json) as changes`,
      [
        receipt.conversationId,
        receipt.workspaceId,
        receipt.inboxId,
        receipt.visitorId,
        receipt.upToSeq,
        receipt.status,
        DELIVERY_ORDER,
      ],
    );
    return rows[0];
  }
}
