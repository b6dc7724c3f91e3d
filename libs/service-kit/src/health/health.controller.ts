import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Database } from '../database/database';
import { Messaging } from '../nats/messaging';
import { RpcServerStatus } from '../nats/rpc-server-status';

type Check = 'up' | 'down';

/** Kubernetes probes: live while the process runs; ready only while its dependencies answer. */
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: Database,
    private readonly messaging: Messaging,
    private readonly rpcServer: RpcServerStatus,
  ) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ status: string; checks: Record<string, Check> }> {
    const checks: Record<string, Check> = {
      postgres: (await this.database.isReady()) ? 'up' : 'down',
      nats: this.messaging.isReady() && this.rpcServer.isConnected() ? 'up' : 'down',
    };
    const ready = Object.values(checks).every((check) => check === 'up');
    res.status(ready ? 200 : 503);
    return { status: ready ? 'ok' : 'unavailable', checks };
  }
}
