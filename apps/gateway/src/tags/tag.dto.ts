import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsEntityId,
  IsOneOfChange,
  IsTagColour,
  IsTagName,
  TAG_CHANGE_FIELDS,
  TAG_COLOUR_PATTERN,
} from '@hub/contracts';

export class TagParams {
  @ApiProperty({ format: 'uuid' })
  @IsEntityId()
  tagId!: string;
}

export class ConversationTagParams extends TagParams {
  @ApiProperty({ format: 'uuid' })
  @IsEntityId()
  conversationId!: string;
}

export class CreateTagBody {
  @ApiProperty({ maxLength: 40, description: 'Unique in the workspace, whatever its case' })
  @IsTagName()
  name!: string;

  @ApiProperty({ example: '#c0392b', pattern: TAG_COLOUR_PATTERN.source })
  @IsTagColour()
  colour!: string;
}

export class UpdateTagBody {
  @ApiPropertyOptional({ maxLength: 40 })
  @IsOneOfChange(TAG_CHANGE_FIELDS)
  @IsTagName()
  name?: string;

  @ApiPropertyOptional({ example: '#c0392b', pattern: TAG_COLOUR_PATTERN.source })
  @IsOneOfChange(TAG_CHANGE_FIELDS)
  @IsTagColour()
  colour?: string;
}
