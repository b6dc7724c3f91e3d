import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AGENT_LOCALES,
  INVITATION_TOKEN_PATTERN,
  IsDepartmentIds,
  IsEmailAddress,
  IsMaxConcurrentChats,
  IsNewPassword,
  IsPersonName,
  MIN_PASSWORD_LENGTH,
  type AgentLocale,
  type AgentView,
} from '@hub/contracts';
import { AGENT_ROLES, type AgentRole } from '@hub/domain';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { AgentViewSchema } from '../../api/view-schemas';

export class CreateAgentBody {
  @ApiProperty({ format: 'email' })
  @IsEmailAddress()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ maxLength: 200 })
  @IsPersonName()
  @MinLength(1)
  name!: string;

  @ApiProperty({ enum: AGENT_ROLES })
  @IsIn(AGENT_ROLES)
  role!: AgentRole;

  @ApiPropertyOptional({
    format: 'password',
    minLength: MIN_PASSWORD_LENGTH,
    description:
      'Given: the agent can log in at once. Left out: the agent is invited, and the answer ' +
      'carries a one-time invitation token (valid a week) for them to set name and password',
  })
  @IsOptional()
  @IsNewPassword()
  password?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 3 })
  @IsOptional()
  @IsMaxConcurrentChats()
  maxConcurrentChats?: number;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsDepartmentIds()
  departmentIds?: string[];

  @ApiPropertyOptional({ enum: AGENT_LOCALES, default: 'en' })
  @IsOptional()
  @IsIn(AGENT_LOCALES)
  locale?: AgentLocale;
}

export class CreateAgentResponse {
  @ApiProperty({ type: AgentViewSchema }) agent!: AgentView;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Only for an invitation, and only in this answer: redeem it with ' +
      '`POST /api/v1/agent-invitations/{token}/accept`',
  })
  invitationToken!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  invitationExpiresAt!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '/invitations/{token}?workspace=acme',
    description:
      "Only for an invitation: the inbox's page (on this host) where the agent accepts it, " +
      'to send them as a link',
  })
  invitationPath!: string | null;
}

export class InvitationParams {
  @ApiProperty({ description: 'The one-time token of the invitation' })
  @Matches(INVITATION_TOKEN_PATTERN, { message: 'token must be an invitation token' })
  token!: string;
}

export class AcceptInvitationBody {
  @ApiProperty({ maxLength: 200 })
  @IsPersonName()
  @MinLength(1)
  name!: string;

  @ApiProperty({ format: 'password', minLength: MIN_PASSWORD_LENGTH })
  @IsNewPassword()
  password!: string;
}

export class ChangePasswordBody {
  @ApiProperty({ format: 'password' })
  @IsString()
  @MaxLength(200)
  currentPassword!: string;

  @ApiProperty({ format: 'password', minLength: MIN_PASSWORD_LENGTH })
  @IsNewPassword()
  newPassword!: string;
}
