import { IsIn, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsEntityId, IsStorableText } from '../common/validators';

/** What a visitor's widget reports of the agent's messages it holds. */
export const VISITOR_RECEIPT_STATUSES = ['delivered', 'read'] as const;
export type VisitorReceiptStatus = (typeof VISITOR_RECEIPT_STATUSES)[number];

/**
 * `conversation.visitor-receipt.record` → VisitorReceiptReply: a visitor's widget received
 * (`delivered`) or showed (`read`) every agent message of their conversation up to `seq`
 * (connector-web, with the visitor taken from the bound session). A watermark: replies with
 * seq ≤ `seq` move forward to `status`, never back (a late `delivered` leaves `read`), and each
 * moved one is pushed to the assignee as `message.delivery`. CONVERSATION_NOT_FOUND unless the
 * conversation is that visitor's, in that inbox.
 */
export class VisitorReceiptRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() inboxId!: string;
  @IsString() @MaxLength(200) @IsStorableText() visitorId!: string;
  @IsEntityId() conversationId!: string;
  @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER) seq!: number;
  @IsIn(VISITOR_RECEIPT_STATUSES) status!: VisitorReceiptStatus;
}

export interface VisitorReceiptReply {
  /** How many replies moved forward (0 when the receipt told nothing new). */
  changed: number;
}
