import { Inject, Injectable } from '@nestjs/common';
import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { RateLimitStore, type RateLimit } from '@hub/rate-limits';
import { DomainException, SERVICE_ENV } from '@hub/service-kit';
import type { Request } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { AuthErrorCode } from '../auth/auth.exception';
import type { GatewayEnv } from '../gateway.env';
import { AccountLockout } from './account-lockout';
import { PasswordHashGate } from './password-hash-gate';

/**
 * The limits of `POST /auth/login`, in order of cost: a free slot for the password hash in this
 * process, then the client IP's attempts, then the account's lockout; the login's outcome
 * feeds the lockout. Runs before validation, so it reads the body defensively.
 */
@Injectable()
export class LoginThrottleInterceptor implements NestInterceptor {
  private readonly perIp: RateLimit;

  constructor(
    store: RateLimitStore,
    @Inject(SERVICE_ENV) env: GatewayEnv,
    private readonly lockout: AccountLockout,
    private readonly hashGate: PasswordHashGate,
  ) {
    this.perIp = store.limit('login-ip', [
      { points: env.LOGIN_IP_MAX_ATTEMPTS, windowSeconds: env.LOGIN_IP_WINDOW_SECONDS },
    ]);
  }

  intercept(context: ExecutionContext, next: CallHandler<unknown>): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    return from(this.hashGate.run(() => this.attempt(request, next)));
  }

  private async attempt(request: Request, next: CallHandler<unknown>): Promise<unknown> {
    // `ip` honours TRUST_PROXY: the socket's peer unless a trusted proxy forwarded it.
    await this.perIp.consume(request.ip ?? 'unknown');
    const account = accountOf(request.body);
    if (!account) return lastValueFrom(next.handle());
    await this.lockout.assertUnlocked(account);
    try {
      const session = await lastValueFrom(next.handle());
      await this.lockout.recordSuccess(account);
      return session;
    } catch (error) {
      if (error instanceof DomainException && error.code === AuthErrorCode.InvalidCredentials)
        await this.lockout.recordFailure(account);
      throw error;
    }
  }
}

/** `workspace` and `email` as login compares them; null when the body is not a login. */
function accountOf(body: unknown): string | null {
  const { workspace, email } = (body ?? {}) as Record<string, unknown>;
  if (typeof workspace !== 'string' || typeof email !== 'string') return null;
  return `${workspace.toLowerCase()}\n${email.toLowerCase()}`;
}
