import { Injectable } from '@nestjs/common';
import type { WorkspaceRetention, WorkspaceSettingsView } from '@hub/contracts';
import { Database } from '@hub/service-kit';
import { workspaceSettingsOf } from './workspace-settings';
import { Workspace } from './workspace.entity';

const SETTINGS_TTL_MS = 30_000;

/** The gateway's own workspace table: login by slug, and the settings its edges read. */
@Injectable()
export class WorkspacesService {
  private readonly cache = new Map<string, { settings: WorkspaceSettingsView; until: number }>();

  constructor(private readonly database: Database) {}

  async findIdBySlug(slug: string): Promise<string | null> {
    const dataSource = await this.database.connected();
    const workspace = await dataSource
      .getRepository(Workspace)
      .findOne({ select: { id: true }, where: { slug } });
    return workspace?.id ?? null;
  }

  /** The slug agents sign in with (an invitation's link carries it). */
  async slugOf(workspaceId: string): Promise<string> {
    const dataSource = await this.database.connected();
    const workspace = await dataSource
      .getRepository(Workspace)
      .findOneOrFail({ select: { slug: true }, where: { id: workspaceId } });
    return workspace.slug;
  }

  /**
   * The workspace's settings with their defaults. Cached briefly: drafts ask for the sneak-peek
   * setting many times a second and settings rarely change.
   */
  async settings(workspaceId: string): Promise<WorkspaceSettingsView> {
    const cached = this.cache.get(workspaceId);
    if (cached && cached.until > Date.now()) return cached.settings;
    const dataSource = await this.database.connected();
    const workspace = await dataSource
      .getRepository(Workspace)
      .findOne({ select: { id: true, settings: true }, where: { id: workspaceId } });
    // An unknown workspace shows nothing to anyone: no sneak peek.
    const settings = workspaceSettingsOf(workspace?.settings ?? { typingSneakPeek: false });
    this.cache.set(workspaceId, { settings, until: Date.now() + SETTINGS_TTL_MS });
    return settings;
  }

  /** The workspaces that keep transcripts and visits for a limited time, for retention jobs. */
  async retention(): Promise<WorkspaceRetention[]> {
    const dataSource = await this.database.connected();
    const rows = await dataSource.query<{ id: string; settings: Record<string, unknown> }[]>(
      `select id, settings from gateway.workspaces where settings ? 'retentionDays'`,
    );
    return rows.flatMap(({ id, settings }) => {
      const { retentionDays } = workspaceSettingsOf(settings);
      return retentionDays === null ? [] : [{ workspaceId: id, retentionDays }];
    });
  }

  /**
   * Writes the given settings over the stored ones (jsonb `||`, so fields written by others and
   * those not given stay) and answers the result. Other replicas see it within their cache TTL.
   */
  async updateSettings(
    workspaceId: string,
    changes: Partial<WorkspaceSettingsView>,
  ): Promise<WorkspaceSettingsView> {
    const dataSource = await this.database.connected();
    await dataSource.query(
      `update gateway.workspaces set settings = settings || $2::jsonb, updated_at = now()
        where id = $1`,
      [workspaceId, JSON.stringify(changes)],
    );
    this.cache.delete(workspaceId);
    return this.settings(workspaceId);
  }
}
