import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AGENT_CHANGE_FIELDS,
  IsEntityId,
  IsHttpUrl,
  IsOneOfChange,
  MAX_URL_LENGTH,
} from '@hub/contracts';
import { AGENT_ROLES, type AgentRole } from '@hub/domain';
import { IsBoolean, IsIn } from 'class-validator';

export class AgentParams {
  @ApiProperty({ format: 'uuid' })
  @IsEntityId()
  agentId!: string;
}

/** At least one of the three; values equal to the agent's current ones change nothing. */
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
}
