import {
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { Channel } from '@hub/domain';
import {
  IsEmailAddress,
  IsEntityId,
  IsExternalId,
  IsPersonName,
  IsStorableText,
} from '../common/validators';

/** The longest message a visitor may leave (the widget's leave-a-message form). */
export const OFFLINE_MESSAGE_MAX_LENGTH = 10_000;

/** What a visitor typed into the leave-a-message form. */
export class OfflineMessageContent {
  @IsPersonName()
  @MinLength(1)
  name!: string;

  @IsEmailAddress()
  email!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(OFFLINE_MESSAGE_MAX_LENGTH)
  @IsStorableText()
  message!: string;
}

/**
 * `crm.ticket.create-from-offline-message` (request/reply): a visitor left a message while
 * nobody was online. crm resolves (or creates) the visitor's customer, records the name and
 * email as unverified contact data, and opens a ticket whose subject is the message's first
 * line and whose description is the whole message. With a `clientMessageId`, a resend returns
 * the first ticket instead of making another.
 */
export class CreateTicketFromOfflineMessageRequest extends OfflineMessageContent {
  @IsEntityId()
  workspaceId!: string;

  @IsIn([Channel.Web])
  channel!: typeof Channel.Web;

  @IsExternalId()
  externalId!: string;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsEntityId()
  departmentId?: string | null;

  /**
   * The edge's id for the message, unique in the workspace (connector-web sends
   * `<visitorId>:<the widget's clientMessageId>`): a resend with it finds the first ticket.
   */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._:~-]{1,200}$/, {
    message: 'clientMessageId must be 1–200 characters of A–Z, a–z, 0–9, ".", "_", ":", "~" or "-"',
  })
  clientMessageId?: string;

  /**
   * The email conversation conversation opened for the message (answered by mail), linked to
   * the new ticket unless another ticket already holds it.
   */
  @IsOptional()
  @IsEntityId()
  conversationId?: string;
}

export interface CreateTicketFromOfflineMessageReply {
  ticketId: string;
  customerId: string;
  /** False when a ticket with the same clientMessageId already existed. */
  created: boolean;
}
