import { Injectable } from '@nestjs/common';
import { Database } from '@hub/service-kit';
import { Workspace } from './workspace.entity';

const SETTINGS_TTL_MS = 30_000;

/** The gateway's own workspace table: login by slug, and the settings its edges read. */
@Injectable()
export class WorkspacesService {
  private readonly sneakPeek = new Map<string, { enabled: boolean; until: number }>();

  constructor(private readonly database: Database) {}

  async findIdBySlug(slug: string): Promise<string | null> {
    const dataSource = await this.database.connected();
    const workspace = await dataSource
      .getRepository(Workspace)
      .findOne({ select: { id: true }, where: { slug } });
    return workspace?.id ?? null;
  }

  /**
   * Whether agents see visitors' unsent drafts (settings.typingSneakPeek, on unless false).
   * Cached briefly: drafts arrive many times a second and the setting rarely changes.
   */
  async typingSneakPeek(workspaceId: string): Promise<boolean> {
    const cached = this.sneakPeek.get(workspaceId);
    if (cached && cached.until > Date.now()) return cached.enabled;
    const dataSource = await this.database.connected();
    const workspace = await dataSource
      .getRepository(Workspace)
      .findOne({ select: { id: true, settings: true }, where: { id: workspaceId } });
    const enabled = workspace !== null && workspace.settings.typingSneakPeek !== false;
    this.sneakPeek.set(workspaceId, { enabled, until: Date.now() + SETTINGS_TTL_MS });
    return enabled;
  }
}
