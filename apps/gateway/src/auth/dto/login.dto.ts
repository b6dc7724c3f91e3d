import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsEmailAddress, type AgentView } from '@hub/contracts';
import { AgentViewSchema } from '../../api/view-schemas';

export class LoginDto {
  @ApiProperty({ description: "The workspace's slug", example: 'demo' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, {
    message: 'workspace must be a workspace slug (lowercase letters, digits, -)',
  })
  workspace!: string;

  @ApiProperty({ format: 'email', example: 'alice@demo.local' })
  @IsEmailAddress()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}

export class LoginResponseDto {
  @ApiProperty({
    description:
      'HS256 JWT to send as `Authorization: Bearer <token>` and in the socket `auth` frame',
  })
  accessToken!: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType!: 'Bearer';

  @ApiProperty({ description: 'Seconds until the access token expires (default 900)' })
  expiresIn!: number;

  @ApiProperty({
    description:
      'Opaque token for `POST /api/v1/auth/refresh`, which returns a new access token and a new refresh token',
  })
  refreshToken!: string;

  @ApiProperty({ type: AgentViewSchema })
  agent!: AgentView;
}
