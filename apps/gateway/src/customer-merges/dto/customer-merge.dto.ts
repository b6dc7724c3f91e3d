import { ApiProperty } from '@nestjs/swagger';
import { IsEntityId } from '@hub/contracts';

export class MergeIntoParams {
  @ApiProperty({ format: 'uuid', description: 'The customer that survives the merge' })
  @IsEntityId()
  customerId!: string;
}

export class MergeCustomersBody {
  @ApiProperty({
    format: 'uuid',
    description: 'The customer merged into it: removed until the merge is undone',
  })
  @IsEntityId()
  otherCustomerId!: string;
}

export class CustomerMergeParams {
  @ApiProperty({ format: 'uuid' })
  @IsEntityId()
  mergeId!: string;
}
