import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEntityId } from '@hub/contracts';
import { AGENT_ROLES, type AgentRole } from '@hub/domain';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';

export class AgentParams {
  @ApiProperty({ format: 'uuid' })
  @IsEntityId()
  agentId!: string;
}

export class UpdateAgentBody {
  @ApiPropertyOptional({ enum: AGENT_ROLES })
  @IsOptional()
  @IsIn(AGENT_ROLES)
  role?: AgentRole;

  @ApiPropertyOptional({ description: 'false deactivates the agent (as DELETE does)' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
