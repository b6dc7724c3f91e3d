import { Injectable } from '@nestjs/common';
import type { ReportRebuildView } from '@hub/contracts';
import { Database } from '@hub/service-kit';
import type { EntityManager } from 'typeorm';
import { ReportRebuild } from './report-rebuild.entity';
import { ReportError } from './report.exception';

/** The rebuilds' rows: what an admin polls while one runs. */
@Injectable()
export class ReportRebuilds {
  constructor(private readonly database: Database) {}

  async get(workspaceId: string, rebuildId: string): Promise<ReportRebuildView> {
    const rebuild = await this.database.dataSource
      .getRepository(ReportRebuild)
      .findOneBy({ id: rebuildId, workspaceId });
    if (!rebuild) throw ReportError.rebuildNotFound(rebuildId);
    return rebuildView(rebuild);
  }
}

/** Marks the rebuild's outcome, in `db` (the swap's transaction when it succeeded). */
export async function finishRebuild(
  db: EntityManager,
  rebuild: { id: string; eventsRead: number; error?: string },
): Promise<void> {
  await db.getRepository(ReportRebuild).update(rebuild.id, {
    status: rebuild.error === undefined ? 'done' : 'failed',
    eventsRead: rebuild.eventsRead,
    finishedAt: new Date(),
    error: rebuild.error ?? null,
  });
}

export function rebuildView(rebuild: ReportRebuild): ReportRebuildView {
  return {
    id: rebuild.id,
    status: rebuild.status,
    requestedBy: rebuild.requestedBy,
    eventsRead: rebuild.eventsRead,
    startedAt: rebuild.startedAt.toISOString(),
    finishedAt: rebuild.finishedAt?.toISOString() ?? null,
    error: rebuild.error,
  };
}
