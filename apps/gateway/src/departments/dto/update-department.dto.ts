import { ApiProperty } from '@nestjs/swagger';
import { IsEntityId } from '@hub/contracts';
import { IsBoolean } from 'class-validator';

export class DepartmentParams {
  @ApiProperty({ format: 'uuid' })
  @IsEntityId()
  departmentId!: string;
}

export class UpdateDepartmentBody {
  @ApiProperty({
    description:
      'true reserves the department for VIP customers: conversations of other customers wait in ' +
      'the workspace-wide queue instead, and cannot be transferred into it',
  })
  @IsBoolean()
  vipOnly!: boolean;
}
