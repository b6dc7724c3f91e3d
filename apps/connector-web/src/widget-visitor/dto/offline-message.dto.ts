import {
  IsClientMessageId,
  IsEmailAddress,
  IsEntityId,
  IsPersonName,
  IsStorableText,
  OFFLINE_MESSAGE_MAX_LENGTH,
} from '@hub/contracts';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { VisitorTokenBody } from './visitor-token';

/** `POST /api/v1/widget/offline-messages`: the leave-a-message form. */
export class OfflineMessageDto extends VisitorTokenBody {
  @IsPersonName()
  @IsNotEmpty()
  name!: string;

  @IsEmailAddress()
  email!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(OFFLINE_MESSAGE_MAX_LENGTH)
  @IsStorableText()
  message!: string;

  @IsOptional()
  @IsEntityId()
  departmentId?: string;

  /** The widget's id for this message: sending it again makes no second ticket. */
  @IsOptional()
  @IsClientMessageId()
  clientMessageId?: string;
}

export interface OfflineMessageView {
  ticketId: string;
}
