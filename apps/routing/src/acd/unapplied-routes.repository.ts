import { queryRows, type Queryable } from '../sql';
import { NEEDS_APPLY_SQL } from './route.entity';

/** A route whose decision the conversation service has not confirmed, leased to this process. */
export interface UnappliedRoute {
  conversationId: string;
  workspaceId: string;
  agentId: string | null;
  departmentId: string | null;
  appliedAgentId: string | null;
  appliedDepartmentId: string | null;
  applyAttempts: number;
  openedAt: Date;
}

/** What the conversation service is known to hold. */
export interface AppliedAssignee {
  agentId: string | null;
  departmentId: string | null;
}

const UNAPPLIED_COLUMNS = `conversation_id as "conversationId", workspace_id as "workspaceId", agent_id as "agentId",
  department_id as "departmentId", applied_agent_id as "appliedAgentId",
  applied_department_id as "appliedDepartmentId", apply_attempts as "applyAttempts", opened_at as "openedAt"`;
// Longer than an RPC timeout: a lease outlives the call it covers, unless the process died.
const LEASE = `interval '15 seconds'`;
const DUE = `${NEEDS_APPLY_SQL} and apply_after <= now() and (apply_lease_until is null or apply_lease_until < now())`;

/**
 * Routes whose decision the conversation service has yet to confirm (the `applied*` and
 * `apply_*` columns of routing.routes), leased to one process at a time. Needs no workspace
 * lock: a lease changes no decision, and every write names the cycle (`opened_at`) it read.
 */
export class UnappliedRoutesRepository {
  constructor(private readonly db: Queryable) {}

  /** Leases up to `limit` routes whose decision is due to be applied (failed earlier, or left by a crash). */
  claimDue(limit: number): Promise<UnappliedRoute[]> {
    return queryRows<UnappliedRoute>(
      this.db,
      `update routing.routes set apply_lease_until = now() + ${LEASE}
        where conversation_id in (
          select conversation_id from routing.routes where ${DUE}
           order by apply_after limit $1 for update skip locked)
        returning ${UNAPPLIED_COLUMNS}`,
      [limit],
    );
  }

  /** Leases the route when its decision is due to be applied. */
  async claim(conversationId: string): Promise<UnappliedRoute | undefined> {
    const [route] = await queryRows<UnappliedRoute>(
      this.db,
      `update routing.routes set apply_lease_until = now() + ${LEASE}
        where conversation_id = $1 and ${DUE}
        returning ${UNAPPLIED_COLUMNS}`,
      [conversationId],
    );
    return route;
  }

  /** Records what the conversation service holds and releases the lease; due again after `retryInSeconds`. */
  async recordApplied(
    route: UnappliedRoute,
    applied: AppliedAssignee,
    { attempts, retryInSeconds }: { attempts: number; retryInSeconds: number },
  ): Promise<void> {
    await this.db.query(
      `update routing.routes
          set applied_agent_id = $3, applied_department_id = $4, apply_lease_until = null,
              apply_attempts = $5, apply_after = now() + make_interval(secs => $6::float8)
        where conversation_id = $1 and opened_at = $2`,
      [
        route.conversationId,
        route.openedAt,
        applied.agentId,
        applied.departmentId,
        attempts,
        retryInSeconds,
      ],
    );
  }

  /** Releases the lease with nothing applied; due again after `retryInSeconds`. */
  async postpone(
    route: UnappliedRoute,
    { attempts, retryInSeconds }: { attempts: number; retryInSeconds: number },
  ): Promise<void> {
    await this.db.query(
      `update routing.routes
          set apply_lease_until = null, apply_attempts = $3,
              apply_after = now() + make_interval(secs => $4::float8)
        where conversation_id = $1 and opened_at = $2`,
      [route.conversationId, route.openedAt, attempts, retryInSeconds],
    );
  }

  /**
   * Whether routing's decision for the conversation has yet to reach the conversation service:
   * `leased` while some process is calling it, `waiting` while it waits for a retry, `applied`.
   */
  async applyState(conversationId: string): Promise<'applied' | 'leased' | 'waiting'> {
    const [row] = await queryRows<{ leased: boolean }>(
      this.db,
      `select coalesce(apply_lease_until > now(), false) as leased from routing.routes
        where conversation_id = $1 and ${NEEDS_APPLY_SQL}`,
      [conversationId],
    );
    if (!row) return 'applied';
    return row.leased ? 'leased' : 'waiting';
  }
}
