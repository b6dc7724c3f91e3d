import { Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Database, DomainException } from '@hub/service-kit';
import { IsNull } from 'typeorm';
import { authErrors } from '../auth/auth.exception';
import { isAdmin, type AuthenticatedAgent } from '../auth/authenticated-agent';
import { ApiKey } from './api-key.entity';
import { hashApiKey } from './api-key';

const PREFIX_LENGTH = 12;

export interface ApiKeyView {
  id: string;
  name: string;
  /** The key's first characters. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export type IssuedApiKeyView = ApiKeyView & { key: string };

function viewOf(key: ApiKey): ApiKeyView {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
  };
}

/** Integrators' API keys: issued (the key shown once, only its hash kept), listed, revoked. */
@Injectable()
export class ApiKeysService {
  private readonly logger = new Logger(ApiKeysService.name);

  constructor(private readonly database: Database) {}

  async list(admin: AuthenticatedAgent): Promise<ApiKeyView[]> {
    adminOnly(admin, 'list API keys');
    const keys = await this.database.dataSource.manager.find(ApiKey, {
      where: { workspaceId: admin.workspaceId, revokedAt: IsNull() },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return keys.map(viewOf);
  }

  async issue(admin: AuthenticatedAgent, name: string): Promise<IssuedApiKeyView> {
    adminOnly(admin, 'issue an API key');
    const key = `hub_${randomBytes(32).toString('base64url')}`;
    const manager = this.database.dataSource.manager;
    const saved = await manager.save(
      manager.create(ApiKey, {
        workspaceId: admin.workspaceId,
        name,
        keyHash: hashApiKey(key),
        prefix: key.slice(0, PREFIX_LENGTH),
      }),
    );
    this.logger.log({ workspaceId: admin.workspaceId, apiKeyId: saved.id }, 'API key issued');
    return { ...viewOf(saved), key };
  }

  async revoke(admin: AuthenticatedAgent, apiKeyId: string): Promise<ApiKeyView> {
    adminOnly(admin, 'revoke an API key');
    const manager = this.database.dataSource.manager;
    const key = await manager.findOneBy(ApiKey, {
      id: apiKeyId,
      workspaceId: admin.workspaceId,
      revokedAt: IsNull(),
    });
    if (!key) throw new DomainException('API_KEY_NOT_FOUND', 'No such live API key');
    key.revokedAt = new Date();
    await manager.save(key);
    this.logger.log({ workspaceId: admin.workspaceId, apiKeyId }, 'API key revoked');
    return viewOf(key);
  }
}

function adminOnly(agent: AuthenticatedAgent, what: string): void {
  if (!isAdmin(agent)) throw authErrors.adminOnly(what);
}
