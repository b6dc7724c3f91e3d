import { Injectable } from '@nestjs/common';
import type {
  CannedResponseView,
  CreateCannedResponseRequest,
  DeleteCannedResponseRequest,
  ListCannedResponsesRequest,
  UpdateCannedResponseRequest,
} from '@hub/contracts';
import { PG_UNIQUE_VIOLATION, pgErrorOf } from '@hub/persistence';
import { Database, DomainException } from '@hub/service-kit';
import { IsNull, type EntityManager } from 'typeorm';
import { CannedResponse } from './canned-response.entity';

const CannedResponseErrors = {
  notFound: () =>
    new DomainException('CANNED_RESPONSE_NOT_FOUND', 'No such canned response in this workspace'),
  shortcutTaken: () =>
    new DomainException(
      'CANNED_RESPONSE_SHORTCUT_TAKEN',
      'An agent would see this shortcut twice: choose another one',
      [{ field: 'shortcut', message: 'shortcut is taken' }],
    ),
  forbidden: () =>
    new DomainException(
      'CANNED_RESPONSE_FORBIDDEN',
      'Shared canned responses are changed by supervisors and admins, personal ones by their owner',
    ),
};

export function cannedResponseViewOf(row: CannedResponse): CannedResponseView {
  return {
    id: row.id,
    shortcut: row.shortcut,
    text: row.text,
    departmentId: row.departmentId,
    scope: row.ownerAgentId === null ? 'shared' : 'personal',
  };
}

/**
 * Canned responses: shared by the workspace, or an agent's personal ones. A shortcut is unique
 * within what one agent sees: the shared ones and their own (indexes keep each set unique; the
 * cross-check runs under a per-workspace lock so two writes cannot both pass it).
 */
@Injectable()
export class CannedResponseRepository {
  constructor(private readonly database: Database) {}

  /** The shared phrases (of no department, or of the one given) and the agent's own; by shortcut. */
  async listVisible(query: ListCannedResponsesRequest): Promise<CannedResponseView[]> {
    const { workspaceId, departmentId, agentId } = query;
    const departments = [IsNull(), ...(departmentId ? [departmentId] : [])];
    const rows = await this.database.dataSource.manager.find(CannedResponse, {
      where: [
        ...departments.map((department) => ({
          workspaceId,
          departmentId: department,
          ownerAgentId: IsNull(),
        })),
        ...(agentId ? [{ workspaceId, ownerAgentId: agentId }] : []),
      ],
      order: { shortcut: 'ASC', id: 'ASC' },
    });
    return rows.map(cannedResponseViewOf);
  }

  create(request: CreateCannedResponseRequest): Promise<CannedResponseView> {
    const { workspaceId, agentId, scope, shortcut, text } = request;
    const ownerAgentId = scope === 'personal' ? agentId : null;
    return this.locked(workspaceId, async (tx) => {
      await this.assertFree(tx, { workspaceId, shortcut, ownerAgentId, exceptId: null });
      const row = tx.create(CannedResponse, {
        workspaceId,
        shortcut,
        text,
        ownerAgentId,
        departmentId: scope === 'shared' ? (request.departmentId ?? null) : null,
      });
      return cannedResponseViewOf(await tx.save(row));
    });
  }

  update(request: UpdateCannedResponseRequest): Promise<CannedResponseView> {
    return this.locked(request.workspaceId, async (tx) => {
      const row = await this.writable(tx, request);
      if (request.shortcut !== undefined && request.shortcut !== row.shortcut) {
        await this.assertFree(tx, {
          workspaceId: row.workspaceId,
          shortcut: request.shortcut,
          ownerAgentId: row.ownerAgentId,
          exceptId: row.id,
        });
        row.shortcut = request.shortcut;
      }
      if (request.text !== undefined) row.text = request.text;
      return cannedResponseViewOf(await tx.save(row));
    });
  }

  delete(request: DeleteCannedResponseRequest): Promise<CannedResponseView> {
    return this.locked(request.workspaceId, async (tx) => {
      const row = await this.writable(tx, request);
      const view = cannedResponseViewOf(row);
      await tx.delete(CannedResponse, { id: row.id });
      return view;
    });
  }

  private async writable(
    tx: EntityManager,
    request: {
      workspaceId: string;
      agentId: string;
      cannedResponseId: string;
      mayEditShared: boolean;
    },
  ): Promise<CannedResponse> {
    const row = await tx.findOneBy(CannedResponse, {
      id: request.cannedResponseId,
      workspaceId: request.workspaceId,
    });
    // Another agent's personal phrase is not theirs to see either.
    if (!row || (row.ownerAgentId !== null && row.ownerAgentId !== request.agentId))
      throw CannedResponseErrors.notFound();
    if (row.ownerAgentId === null && !request.mayEditShared) throw CannedResponseErrors.forbidden();
    return row;
  }

  /**
   * A shared shortcut must not be any agent's personal one nor another shared one; a personal
   * one must not be shared nor the owner's other.
   */
  private async assertFree(
    tx: EntityManager,
    wanted: {
      workspaceId: string;
      shortcut: string;
      ownerAgentId: string | null;
      exceptId: string | null;
    },
  ): Promise<void> {
    const clashes = await tx
      .createQueryBuilder(CannedResponse, 'c')
      .where('c.workspace_id = :workspaceId and c.shortcut = :shortcut', wanted)
      .andWhere(
        wanted.ownerAgentId
          ? '(c.owner_agent_id is null or c.owner_agent_id = :ownerAgentId)'
          : 'true',
        wanted,
      )
      .andWhere(wanted.exceptId ? 'c.id <> :exceptId' : 'true', wanted)
      .getCount();
    if (clashes > 0) throw CannedResponseErrors.shortcutTaken();
  }

  private async locked<T>(
    workspaceId: string,
    work: (tx: EntityManager) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.database.dataSource.transaction(async (tx) => {
        await tx.query(`select pg_advisory_xact_lock(hashtext('canned-responses:' || $1))`, [
          workspaceId,
        ]);
        return work(tx);
      });
    } catch (error) {
      // Only reachable if the lock were bypassed; the indexes still say no.
      if (pgErrorOf(error)?.code === PG_UNIQUE_VIOLATION)
        throw CannedResponseErrors.shortcutTaken();
      throw error;
    }
  }
}
