import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CANNED_RESPONSE_CHANGE_FIELDS,
  CANNED_RESPONSE_SCOPES,
  IsCannedText,
  IsEntityId,
  IsOneOfChange,
  IsShortcut,
  type CannedResponseScope,
} from '@hub/contracts';
import { IsIn, IsOptional } from 'class-validator';

export class CannedResponseParams {
  @ApiProperty({ format: 'uuid' })
  @IsEntityId()
  cannedResponseId!: string;
}

export class CreateCannedResponseBody {
  @ApiProperty({
    enum: CANNED_RESPONSE_SCOPES,
    description: 'shared: for the whole workspace (supervisors and admins); personal: your own',
  })
  @IsIn(CANNED_RESPONSE_SCOPES)
  scope!: CannedResponseScope;

  @ApiProperty({ example: 'thanks', description: 'Typed after a slash: letters, digits, - and _' })
  @IsShortcut()
  shortcut!: string;

  @ApiProperty({ maxLength: 5000 })
  @IsCannedText()
  text!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "A shared phrase only this department's agents see",
  })
  @IsOptional()
  @IsEntityId()
  departmentId?: string;
}

export class UpdateCannedResponseBody {
  @ApiPropertyOptional()
  @IsOneOfChange(CANNED_RESPONSE_CHANGE_FIELDS)
  @IsShortcut()
  shortcut?: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOneOfChange(CANNED_RESPONSE_CHANGE_FIELDS)
  @IsCannedText()
  text?: string;
}
