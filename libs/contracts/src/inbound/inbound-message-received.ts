import { plainToInstance, Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
  validateSync,
} from 'class-validator';
import { Channel, ContentType } from '@hub/domain';
import { CustomerContact } from '../common/customer-contact';
import { DeadLetterSender } from '../dead-letters/message-dead-lettered';
import { InboundEmailThread } from '../email/inbound-email';
import { IsClientMessageId, IsEntityId, IsExternalId, IsStorableText } from '../common/validators';

/** Who wrote, as the channel knows them. */
export class InboundCustomer extends CustomerContact {
  /** The channel's own id for the sender (visitor id, email address, PSID, chat id...). */
  @IsExternalId()
  externalId!: string;
}

/**
 * `inbound.<channel>` (INBOUND stream): a connector has accepted a customer message.
 * Published with `Nats-Msg-Id` = `<inboxId>:<externalMessageId>`, so a retried webhook or a
 * re-sent mail is stored once.
 */
export class InboundMessageReceived {
  @IsEntityId()
  workspaceId!: string;

  @IsEntityId()
  inboxId!: string;

  @IsIn(Object.values(Channel))
  channel!: Channel;

  /** The channel's own message id; unique per inbox. */
  @IsExternalId()
  externalMessageId!: string;

  // ValidateNested alone lets a missing object through.
  @IsDefined()
  @ValidateNested()
  @Type(() => InboundCustomer)
  customer!: InboundCustomer;

  @IsString()
  @MaxLength(20_000)
  @IsStorableText()
  content!: string;

  @IsIn(Object.values(ContentType))
  contentType!: ContentType;

  /** The sender client's own id for the message (the widget's), echoed back in acks. */
  @IsOptional()
  @IsClientMessageId()
  clientMessageId?: string;

  /** The department the customer chose (widget), used to route a new conversation. */
  @IsOptional()
  @IsEntityId()
  departmentId?: string;

  /**
   * A file the customer attached (registered with conversation by the connector); it must be
   * this customer's own upload. `content` may then be "".
   */
  @IsOptional()
  @IsEntityId()
  attachmentFileId?: string;

  /**
   * The channel's own id of the message this one answers (Messenger/Instagram `reply_to.mid`,
   * WhatsApp `context.id`, LINE `quotedMessageId`...): stored as a reference to that message
   * when it is stored in the same inbox.
   */
  @IsOptional()
  @IsExternalId()
  replyToExternalMessageId?: string;

  /** Email only: the ids and subject conversation threads the mail by. */
  @IsOptional()
  @ValidateNested()
  @Type(() => InboundEmailThread)
  email?: InboundEmailThread;

  /** When the customer sent it, as the channel says. */
  @IsISO8601({ strict: true })
  sentAt!: string;
}

/** The stream de-duplication key of an inbound message. */
export function inboundMessageId(
  message: Pick<InboundMessageReceived, 'inboxId' | 'externalMessageId'>,
): string {
  return `${message.inboxId}:${message.externalMessageId}`;
}

/**
 * Who sent an inbound message, read from its raw body (which may fail its contract): for the
 * dead letter, so the channel's connector can tell them. Undefined when it cannot be read.
 */
export function inboundDeadLetterSender(body: unknown): DeadLetterSender | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { channel, workspaceId, inboxId, customer, clientMessageId } = body as Record<
    string,
    unknown
  >;
  const externalId = (customer as Record<string, unknown> | null | undefined)?.externalId;
  const sender = plainToInstance(DeadLetterSender, {
    channel,
    workspaceId,
    inboxId,
    externalId,
    clientMessageId,
  });
  return validateSync(sender).length === 0 ? sender : undefined;
}
