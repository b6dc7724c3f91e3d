import { ApiProperty } from '@nestjs/swagger';
import {
  IsEmailAddress,
  IsNewPassword,
  IsPersonName,
  MIN_PASSWORD_LENGTH,
  type AgentView,
} from '@hub/contracts';
import { Type } from 'class-transformer';
import { IsDefined, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { AgentViewSchema } from '../../api/view-schemas';

export class FirstAdminBody {
  @ApiProperty({ format: 'email' })
  @IsEmailAddress()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ maxLength: 200 })
  @IsPersonName()
  @MinLength(1)
  name!: string;

  @ApiProperty({ format: 'password', minLength: MIN_PASSWORD_LENGTH })
  @IsNewPassword()
  password!: string;
}

export class CreateWorkspaceBody {
  @ApiProperty({ maxLength: 200, example: 'Demo Shop' })
  @IsPersonName()
  @MinLength(1)
  name!: string;

  @ApiProperty({ description: 'What agents log in with: lowercase letters, digits, -' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, {
    message: 'slug must be lowercase letters, digits and - (at most 63)',
  })
  slug!: string;

  @ApiProperty({ type: FirstAdminBody })
  @IsDefined()
  @ValidateNested()
  @Type(() => FirstAdminBody)
  admin!: FirstAdminBody;
}

export class WorkspaceCreatedSchema {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() slug!: string;
  @ApiProperty({ type: AgentViewSchema }) admin!: AgentView;
}

export type WorkspaceCreated = WorkspaceCreatedSchema;
