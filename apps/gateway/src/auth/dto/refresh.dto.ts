import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { AgentView } from '@hub/contracts';
import { AgentViewSchema } from '../../api/view-schemas';

export class RefreshDto {
  @ApiProperty({ description: 'The refresh token of the last login or refresh; usable once' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  refreshToken!: string;
}

export class RefreshResponseDto {
  @ApiProperty({ description: 'A new access token (same use as the login one)' })
  accessToken!: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType!: 'Bearer';

  @ApiProperty({ description: 'Seconds until the access token expires' })
  expiresIn!: number;

  @ApiProperty({
    description:
      'The next refresh token; the one sent is spent, and sending it again revokes the session',
  })
  refreshToken!: string;

  @ApiProperty({ type: AgentViewSchema, description: 'The agent as they are now (current role)' })
  agent!: AgentView;
}
