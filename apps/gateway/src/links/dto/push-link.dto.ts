import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CLIENT_MESSAGE_ID_PATTERN,
  IsClientMessageId,
  IsHttpUrl,
  MAX_URL_LENGTH,
} from '@hub/contracts';
import { IsOptional } from 'class-validator';

/** A link an agent pushes to the visitor (REST body; the agent socket's frame extends it). */
export class PushLinkBody {
  @ApiProperty({
    maxLength: MAX_URL_LENGTH,
    example: 'https://shop.example.com/checkout',
    description: 'An absolute http or https URL; javascript:, data: and relative URLs are refused',
  })
  @IsHttpUrl()
  url!: string;

  @ApiPropertyOptional({
    pattern: CLIENT_MESSAGE_ID_PATTERN.source,
    description:
      "The client's own id for the push: a resend with the same id is stored once. Omitted: every request is a new push",
  })
  @IsOptional()
  @IsClientMessageId()
  clientMessageId?: string;
}
