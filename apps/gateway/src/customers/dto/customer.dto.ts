import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEntityId, IsPageSize, IsStorableText } from '@hub/contracts';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsQueryInteger } from '../../api/validators';

export class CustomerParams {
  @ApiProperty({ format: 'uuid' })
  @IsEntityId()
  customerId!: string;
}

export class SearchCustomersQuery {
  @ApiProperty({
    description: 'Name, email, phone or channel id (prefix, case-insensitive)',
    maxLength: 200,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsStorableText()
  query!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsPageSize(100)
  @IsQueryInteger()
  limit?: number;
}
