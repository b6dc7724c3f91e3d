import { Inject, Injectable, Logger } from '@nestjs/common';
import { timingSafeEqual, createHash } from 'node:crypto';
import { SUBJECTS, type CreateFirstAdminRequest } from '@hub/contracts';
import { PG_UNIQUE_VIOLATION, pgErrorOf } from '@hub/persistence';
import { RateLimitStore, type RateLimit } from '@hub/rate-limits';
import { Database, DomainException, RpcClient, SERVICE_ENV } from '@hub/service-kit';
import type { GatewayEnv } from '../gateway.env';
import type { CreateWorkspaceBody, WorkspaceCreated } from './dto/create-workspace.dto';
import { Workspace } from './workspace.entity';

/**
 * A new workspace with its first admin, so one hub serves many businesses. Open to anyone when
 * SIGNUP is `open`, else only to the instance operator's token; rate-limited per client IP
 * either way (shared by every replica).
 */
@Injectable()
export class CreateWorkspace {
  private readonly logger = new Logger(CreateWorkspace.name);
  private readonly perIp: RateLimit;

  constructor(
    private readonly database: Database,
    private readonly rpc: RpcClient,
    store: RateLimitStore,
    @Inject(SERVICE_ENV) private readonly env: GatewayEnv,
  ) {
    this.perIp = store.limit('signup-ip', [
      { points: env.SIGNUP_IP_MAX_PER_HOUR, windowSeconds: 3600 },
    ]);
  }

  async execute(input: {
    body: CreateWorkspaceBody;
    ip: string;
    operatorToken: string | undefined;
  }): Promise<WorkspaceCreated> {
    await this.perIp.consume(input.ip);
    if (this.env.SIGNUP !== 'open' && !this.isOperator(input.operatorToken)) {
      throw new DomainException(
        'SIGNUP_CLOSED',
        'This hub does not take new workspaces: ask its operator',
      );
    }
    const workspace = await this.insert(input.body);
    try {
      const request: CreateFirstAdminRequest = { workspaceId: workspace.id, ...input.body.admin };
      const admin = await this.rpc.request(SUBJECTS.routing.createFirstAdmin, request);
      this.logger.log({ workspaceId: workspace.id, agentId: admin.id }, 'workspace created');
      return { id: workspace.id, name: workspace.name, slug: workspace.slug, admin };
    } catch (error) {
      // Without its admin nobody could use the workspace: it goes, and the slug is free again.
      await this.database.dataSource.manager.delete(Workspace, { id: workspace.id });
      throw error;
    }
  }

  // Both sides hashed first: equal lengths for timingSafeEqual, and no length leaked.
  private isOperator(given: string | undefined): boolean {
    const expected = this.env.OPERATOR_TOKEN;
    if (!expected || !given) return false;
    const digest = (value: string) => createHash('sha256').update(value).digest();
    return timingSafeEqual(digest(given), digest(expected));
  }

  private async insert({ name, slug }: CreateWorkspaceBody): Promise<Workspace> {
    try {
      return await this.database.dataSource.manager.save(
        this.database.dataSource.manager.create(Workspace, { name, slug, settings: {} }),
      );
    } catch (error) {
      if (pgErrorOf(error)?.code === PG_UNIQUE_VIOLATION) {
        throw new DomainException('WORKSPACE_SLUG_TAKEN', 'Another workspace has this slug', [
          { field: 'slug', message: 'slug is taken' },
        ]);
      }
      throw error;
    }
  }
}
