import { Body, Controller, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../api/api-controller.decorator';
import { API_PREFIX } from '../api/api-prefix';
import { LoginThrottleInterceptor } from '../login-limits/login-throttle.interceptor';
import { AuthService } from './auth.service';
import { LoginDto, LoginResponseDto } from './dto/login.dto';
import { Public } from './public.decorator';

@Controller(`${API_PREFIX}/auth`)
@ApiTags('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @UseInterceptors(LoginThrottleInterceptor)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Log in as an agent; returns a bearer token for REST and the agent socket',
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
}
