import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  IsEmailAddress,
  IsExternalId,
  IsPersonName,
  IsPhoneText,
  IsStorableText,
} from '@hub/contracts';

/** Who wrote, as the integrator knows them; crm links the customer record by these. */
export class ApiContact {
  @ApiProperty({ description: 'The integrator’s own id for the contact', maxLength: 512 })
  @IsExternalId()
  id!: string;

  @ApiPropertyOptional() @IsOptional() @IsPersonName() name?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmailAddress() email?: string;
  @ApiPropertyOptional() @IsOptional() @IsPhoneText() phone?: string;
}

/** `POST /api/v1/inboxes/:id/messages`: a customer's message, sent by the integrator. */
export class ApiInboundMessageBody {
  @ApiProperty({
    description: 'The integrator’s id for the message: a resend with the same id is stored once',
    maxLength: 512,
  })
  @IsExternalId()
  messageId!: string;

  @ApiProperty({ type: ApiContact })
  @IsDefined()
  @ValidateNested()
  @Type(() => ApiContact)
  contact!: ApiContact;

  @ApiProperty({ maxLength: 20_000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20_000)
  @IsStorableText()
  content!: string;

  @ApiPropertyOptional({ description: 'When the customer sent it (default: now)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  sentAt?: string;
}

/** 202: the message is in the hub's durable stream and will be stored once. */
export interface ApiMessageAccepted {
  accepted: true;
  messageId: string;
  /** True when this id had been accepted before (nothing new is stored). */
  duplicate: boolean;
}
