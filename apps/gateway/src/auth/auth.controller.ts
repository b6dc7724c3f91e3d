import { Body, Controller, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors } from '../api/api-controller.decorator';
import { API_PREFIX } from '../api/api-prefix';
import { LoginThrottleInterceptor } from '../login-limits/login-throttle.interceptor';
import { AuthService } from './auth.service';
import type { AuthenticatedAgent } from './authenticated-agent';
import { CurrentAgent } from './current-agent.decorator';
import { LoginDto, LoginResponseDto } from './dto/login.dto';
import { RefreshDto, RefreshResponseDto } from './dto/refresh.dto';
import { Public } from './public.decorator';
import { RefreshSession } from './refresh-session.use-case';

@Controller(`${API_PREFIX}/auth`)
@ApiTags('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly refreshSession: RefreshSession,
  ) {}

  @Post('login')
  @Public()
  @UseInterceptors(LoginThrottleInterceptor)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Log in as an agent; returns a short-lived bearer token for REST and the agent socket, and a refresh token',
  })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiErrors(
    { status: 400, description: 'VALIDATION_FAILED' },
    {
      status: 401,
      description:
        'AUTH_INVALID_CREDENTIALS (same for an unknown workspace, email or a wrong password)',
    },
    {
      status: 429,
      description:
        'RATE_LIMITED: too many attempts from this IP, the account is locked after wrong ' +
        'passwords (the lock doubles each time), or too many logins in progress; `Retry-After` ' +
        '(seconds) and `retryAfterMs` say when to try again',
    },
  )
  login(@Body() body: LoginDto): Promise<LoginResponseDto> {
    return this.auth.login(body);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange a refresh token for new access and refresh tokens (the old one is spent)',
  })
  @ApiOkResponse({ type: RefreshResponseDto })
  @ApiErrors(
    { status: 400, description: 'VALIDATION_FAILED' },
    {
      status: 401,
      description:
        'AUTH_REFRESH_INVALID (unknown, expired, revoked, or the agent was removed); AUTH_REFRESH_REUSED (already used: the session is revoked)',
    },
  )
  refresh(@Body() body: RefreshDto): Promise<RefreshResponseDto> {
    return this.refreshSession.execute(body.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({
    summary: "End the token's session: its access token, refresh token and sockets stop working",
  })
  @ApiNoContentResponse({ description: 'Logged out' })
  @ApiErrors({
    status: 401,
    description: 'AUTH_TOKEN_MISSING, AUTH_TOKEN_INVALID, AUTH_TOKEN_EXPIRED, AUTH_SESSION_REVOKED',
  })
  logout(@CurrentAgent() agent: AuthenticatedAgent): Promise<void> {
    return this.auth.logout(agent);
  }
}
