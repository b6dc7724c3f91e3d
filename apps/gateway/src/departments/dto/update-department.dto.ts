import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DEPARTMENT_CHANGE_FIELDS,
  IsAgentIds,
  IsDepartmentName,
  IsEntityId,
  IsOneOfChange,
} from '@hub/contracts';
import { IsBoolean, IsOptional } from 'class-validator';

export class DepartmentParams {
  @ApiProperty({ format: 'uuid' })
  @IsEntityId()
  departmentId!: string;
}

const VIP_ONLY =
  'true reserves the department for VIP customers: conversations of other customers wait in ' +
  'the workspace-wide queue instead, and cannot be transferred into it';

const AGENT_IDS = 'The members (agents of the workspace), replacing the current ones';

/** At least one field. */
export class UpdateDepartmentBody {
  @ApiPropertyOptional({ description: VIP_ONLY })
  @IsOneOfChange(DEPARTMENT_CHANGE_FIELDS)
  @IsBoolean()
  vipOnly?: boolean;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOneOfChange(DEPARTMENT_CHANGE_FIELDS)
  @IsDepartmentName()
  name?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: AGENT_IDS })
  @IsOneOfChange(DEPARTMENT_CHANGE_FIELDS)
  @IsAgentIds()
  agentIds?: string[];
}

export class CreateDepartmentBody {
  @ApiProperty({ maxLength: 100 })
  @IsDepartmentName()
  name!: string;

  @ApiPropertyOptional({ description: VIP_ONLY, default: false })
  @IsOptional()
  @IsBoolean()
  vipOnly?: boolean;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: AGENT_IDS })
  @IsOptional()
  @IsAgentIds()
  agentIds?: string[];
}
