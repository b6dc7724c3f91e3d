import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEntityId } from '@hub/contracts';
import { IsOptional } from 'class-validator';

export class DepartmentFilterQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsEntityId()
  departmentId?: string;
}
