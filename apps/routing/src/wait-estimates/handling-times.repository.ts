import type { Queryable } from '../sql';

/** One resolved cycle of a conversation that had an agent. */
export interface HandledConversation {
  conversationId: string;
  workspaceId: string;
  departmentId: string | null;
  assignedAt: Date;
  resolvedAt: string;
}

/** How long resolved conversations were with their agents: what wait estimates learn from. */
export class HandlingTimesRepository {
  constructor(private readonly db: Queryable) {}

  /** Records one cycle; a repeated resolution event of the same cycle records nothing. */
  async record(handled: HandledConversation): Promise<void> {
    await this.db.query(
      `insert into routing.handling_times
         (conversation_id, workspace_id, department_id, assigned_at, resolved_at, handle_seconds)
       values ($1, $2, $3, $4, $5, greatest(0, round(extract(epoch from ($5::timestamptz - $4::timestamptz))))::int)
       on conflict (conversation_id, resolved_at) do nothing`,
      [
        handled.conversationId,
        handled.workspaceId,
        handled.departmentId,
        handled.assignedAt,
        handled.resolvedAt,
      ],
    );
  }
}
