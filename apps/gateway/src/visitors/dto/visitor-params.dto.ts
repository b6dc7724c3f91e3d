import { ApiProperty } from '@nestjs/swagger';
import { IsEntityId } from '@hub/contracts';

export class VisitorParams {
  @ApiProperty({ format: 'uuid', description: "The widget visitor's id" })
  @IsEntityId()
  visitorId!: string;
}

export class RevokedVisitorSessionsSchema {
  @ApiProperty({ description: 'How many live sessions were ended (0 if none)' })
  revoked!: number;
}
