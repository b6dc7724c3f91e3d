import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { WidgetVisitorLimits } from './widget-visitor-limits';

/** Leave-a-message requests per client IP, before anything else is looked at. */
@Injectable()
export class OfflineMessageIpLimitGuard implements CanActivate {
  constructor(private readonly limits: WidgetVisitorLimits) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // `ip` honours TRUST_PROXY: the socket's peer unless a trusted proxy forwarded it.
    const { ip } = context.switchToHttp().getRequest<Request>();
    await this.limits.offlinePerIp.consume(ip ?? 'unknown');
    return true;
  }
}
