import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Database, DomainException } from '@hub/service-kit';
import type { AuthenticatedRequest } from '../auth/current-agent.decorator';
import { ApiKey } from './api-key.entity';
import { API_KEY_HEADER, hashApiKey } from './api-key';

const invalidKey = () =>
  new DomainException('AUTH_API_KEY_INVALID', 'The API key is unknown or was revoked');

/** On a route that allows API keys: an agent's token passed already, else the key must be live. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(private readonly database: Database) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (request.agent) return true;
    const key = request.header(API_KEY_HEADER);
    if (!key) throw invalidKey();
    const found = await this.database.dataSource.manager.findOneBy(ApiKey, {
      keyHash: hashApiKey(key),
    });
    if (!found || found.revokedAt !== null) throw invalidKey();
    // At most one write a minute per key, however busy the integrator.
    await this.database.dataSource.query(
      `update gateway.api_keys set last_used_at = now()
        where id = $1 and (last_used_at is null or last_used_at < now() - interval '1 minute')`,
      [found.id],
    );
    request.integrator = { apiKeyId: found.id, workspaceId: found.workspaceId };
    return true;
  }
}
