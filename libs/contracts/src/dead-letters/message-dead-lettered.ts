import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Channel } from '@hub/domain';
import { HUB_STREAM_NAMES, type HubStream } from '../messages/streams';
import { IsClientMessageId, IsEntityId, IsExternalId } from '../common/validators';

/**
 * Why a consumer gave a message up: `invalid` (its payload fails its contract), `refused` (its
 * handler said it can never succeed), `max_deliveries` (it failed every delivery).
 */
export const DEAD_LETTER_REASONS = ['invalid', 'refused', 'max_deliveries'] as const;
export type DeadLetterReason = (typeof DEAD_LETTER_REASONS)[number];

/** Who sent a dead-lettered customer message, as its channel knows them: to tell them. */
export class DeadLetterSender {
  @IsIn(Object.values(Channel))
  channel!: Channel;

  @IsEntityId()
  workspaceId!: string;

  @IsEntityId()
  inboxId!: string;

  /** The channel's own id for the sender (the visitor id on web). */
  @IsExternalId()
  externalId!: string;

  /** The sender client's own id for the message, when it gave one (the widget does). */
  @IsOptional()
  @IsClientMessageId()
  clientMessageId?: string;
}

/**
 * `dlq.<original subject>` (DEAD_LETTERS stream): a consumer gave up a message and it will
 * never be stored. Published (with `Nats-Msg-Id` = `<stream>:<streamSeq>:<durable>`) before
 * the original is terminated; the original stays in its stream, so it can be replayed from
 * `streamSeq` once the cause is fixed. The channel's connector tells the sender.
 */
export class MessageDeadLettered {
  /** The logical stream the message was consumed from. */
  @IsIn(HUB_STREAM_NAMES)
  stream!: HubStream;

  /** The logical subject it was published on: `inbound.web`. */
  @IsString()
  @MaxLength(256)
  originalSubject!: string;

  @IsInt()
  @Min(1)
  streamSeq!: number;

  @IsInt()
  @Min(1)
  deliveryCount!: number;

  /** The logical durable that gave it up: `conversation_inbound`. */
  @IsString()
  @MaxLength(128)
  durable!: string;

  @IsIn(DEAD_LETTER_REASONS)
  reason!: DeadLetterReason;

  /** An error code of the catalogue: VALIDATION_FAILED, INBOX_NOT_FOUND, MESSAGE_NOT_STORED... */
  @IsString()
  @MaxLength(64)
  code!: string;

  /** What went wrong, for the operator (the handler's or the validator's words). */
  @IsString()
  @MaxLength(2_000)
  message!: string;

  /** Who sent it, when the message is a customer's; absent when its body could not be read. */
  @IsOptional()
  @ValidateNested()
  @Type(() => DeadLetterSender)
  sender?: DeadLetterSender;

  @IsISO8601({ strict: true })
  deadLetteredAt!: string;
}

/** The dead-letter subject of a message consumed from `originalSubject`. */
export function deadLetterSubject(originalSubject: string): string {
  return `dlq.${originalSubject}`;
}
