import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { LoginLimitsModule } from '../login-limits/login-limits.module';
import { SessionsModule } from '../sessions/sessions.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtAuthGuard } from './jwt-auth.guard';
import { RefreshSession } from './refresh-session.use-case';
import { SessionTokens } from './session-tokens';
import { TokenService } from './token.service';

@Module({
  imports: [WorkspacesModule, LoginLimitsModule, SessionsModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    TokenService,
    SessionTokens,
    RefreshSession,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
  ],
  exports: [TokenService],
})
export class AuthModule {}
