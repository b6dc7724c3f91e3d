import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEntityId, IsInboxName } from '@hub/contracts';
import { CHANNELS, type Channel } from '@hub/domain';
import { IsIn, IsObject, IsOptional } from 'class-validator';

export class InboxParams {
  @ApiProperty({ format: 'uuid' })
  @IsEntityId()
  inboxId!: string;
}

const SETTINGS_DESCRIPTION =
  "The channel's settings (web: `{ widget: {...} }`; email: `{ email: { address, displayName, " +
  'signature, relay: { host, port, secure, user } }, relayPassword }`), validated with the ' +
  "channel's class. Secret fields (email: relayPassword) are sealed and never answered; " +
  '`secretsSet` lists those set.';

export class CreateInboxBody {
  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS)
  channel!: Channel;

  @ApiProperty({ maxLength: 200 })
  @IsInboxName()
  name!: string;

  @ApiProperty({ type: Object, description: SETTINGS_DESCRIPTION })
  @IsObject()
  settings!: Record<string, unknown>;
}

export class UpdateInboxBody {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsInboxName()
  name?: string;

  @ApiPropertyOptional({
    type: Object,
    description:
      `${SETTINGS_DESCRIPTION} Replaces the stored settings whole; a secret left out keeps its ` +
      'value, a secret given as null is removed.',
  })
  @IsOptional()
  @IsObject()
  settings?: Record<string, unknown>;
}
