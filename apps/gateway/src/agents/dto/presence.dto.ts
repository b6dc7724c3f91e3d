import { ApiProperty } from '@nestjs/swagger';
import { SETTABLE_PRESENCES } from '@hub/contracts';
import { IsIn } from 'class-validator';

export class SetPresenceBody {
  @ApiProperty({
    enum: SETTABLE_PRESENCES,
    description: 'offline follows from having no socket open',
  })
  @IsIn(SETTABLE_PRESENCES)
  presence!: (typeof SETTABLE_PRESENCES)[number];
}
