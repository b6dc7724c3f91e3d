import { Module } from '@nestjs/common';
import { AccountLockout } from './account-lockout';
import { LoginThrottleInterceptor } from './login-throttle.interceptor';
import { PasswordHashGate } from './password-hash-gate';

@Module({
  providers: [AccountLockout, PasswordHashGate, LoginThrottleInterceptor],
  exports: [AccountLockout, PasswordHashGate, LoginThrottleInterceptor],
})
export class LoginLimitsModule {}
