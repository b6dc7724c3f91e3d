import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AGENT_CHANGE_FIELDS,
  AGENT_LOCALES,
  IsDepartmentIds,
  IsEntityId,
  IsHttpUrl,
  IsMaxConcurrentChats,
  IsOneOfChange,
  IsPersonName,
  MAX_URL_LENGTH,
  type AgentLocale,
} from '@hub/contracts';
import { AGENT_ROLES, type AgentRole } from '@hub/domain';
import { IsBoolean, IsIn, MinLength } from 'class-validator';

export class AgentParams {
  @ApiProperty({ format: 'uuid' })
  @IsEntityId()
  agentId!: string;
}

/** At least one field; values equal to the agent's current ones change nothing. */
export class UpdateAgentBody {
  @ApiPropertyOptional({ enum: AGENT_ROLES })
  @IsOneOfChange(AGENT_CHANGE_FIELDS)
  @IsIn(AGENT_ROLES)
  role?: AgentRole;

  @ApiPropertyOptional({ description: 'false deactivates the agent (as DELETE does)' })
  @IsOneOfChange(AGENT_CHANGE_FIELDS)
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: MAX_URL_LENGTH,
    description:
      "An http(s) URL of the agent's picture, shown to visitors; null removes it. Ends no session",
  })
  @IsOneOfChange(AGENT_CHANGE_FIELDS)
  @IsHttpUrl({ nullable: true })
  avatarUrl?: string | null;

  @ApiPropertyOptional({ maxLength: 200, description: 'The name shown. Ends no session' })
  @IsOneOfChange(AGENT_CHANGE_FIELDS)
  @IsPersonName()
  @MinLength(1)
  name?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, description: 'Ends no session' })
  @IsOneOfChange(AGENT_CHANGE_FIELDS)
  @IsMaxConcurrentChats()
  maxConcurrentChats?: number;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: "The agent's departments, replacing the current ones. Ends no session",
  })
  @IsOneOfChange(AGENT_CHANGE_FIELDS)
  @IsDepartmentIds()
  departmentIds?: string[];

  @ApiPropertyOptional({
    enum: AGENT_LOCALES,
    description: "The inbox app's language for the agent. Ends no session",
  })
  @IsOneOfChange(AGENT_CHANGE_FIELDS)
  @IsIn(AGENT_LOCALES)
  locale?: AgentLocale;
}
