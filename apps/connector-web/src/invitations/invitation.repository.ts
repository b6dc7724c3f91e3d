import { Injectable } from '@nestjs/common';
import type { InvitationStatus, InvitationView } from '@hub/contracts';
import { Database } from '@hub/service-kit';
import { updateReturning } from '../live-visitors/sql-values';

interface InvitationRow {
  id: string;
  workspace_id: string;
  inbox_id: string;
  visitor_id: string;
  agent_id: string | null;
  message: string;
  status: InvitationStatus;
  conversation_id: string | null;
  created_at: Date;
}

/** A stored invitation with what accepting it needs. */
export interface Invitation extends InvitationView {
  workspaceId: string;
  inboxId: string;
}

export interface NewInvitation {
  workspaceId: string;
  inboxId: string;
  visitorId: string;
  visitId: string;
  agentId: string | null;
  ruleId: string | null;
  message: string;
}

const COLUMNS = `id, workspace_id, inbox_id, visitor_id, agent_id, message, status, conversation_id,
  created_at`;

/** Rows of web.invitations. */
@Injectable()
export class InvitationRepository {
  constructor(private readonly database: Database) {}

  /** Stores it; null when the rule already invited during this visit (uq_invitations_visit_rule). */
  async insert(invitation: NewInvitation): Promise<Invitation | null> {
    const rows: InvitationRow[] = await this.database.dataSource.query(
      `insert into web.invitations (workspace_id, inbox_id, visitor_id, visit_id, agent_id,
         rule_id, message)
       values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (visit_id, rule_id) do nothing
       returning ${COLUMNS}`,
      [
        invitation.workspaceId,
        invitation.inboxId,
        invitation.visitorId,
        invitation.visitId,
        invitation.agentId,
        invitation.ruleId,
        invitation.message,
      ],
    );
    return rows[0] ? toInvitation(rows[0]) : null;
  }

  /** The visitor's invitation `id`, or null (someone else's is not found either). */
  async findForVisitor(id: string, visitorId: string): Promise<Invitation | null> {
    const rows: InvitationRow[] = await this.database.dataSource.query(
      `select ${COLUMNS} from web.invitations where id = $1 and visitor_id = $2`,
      [id, visitorId],
    );
    return rows[0] ? toInvitation(rows[0]) : null;
  }

  /** Settles a `sent` invitation; null when it was settled before (by another tab, another replica). */
  async settle(
    id: string,
    status: 'accepted' | 'dismissed',
    conversationId: string | null,
  ): Promise<Invitation | null> {
    const rows = await updateReturning<InvitationRow>(
      this.database.dataSource,
      `update web.invitations set status = $2, conversation_id = $3, updated_at = now()
        where id = $1 and status = 'sent'
        returning ${COLUMNS}`,
      [id, status, conversationId],
    );
    return rows[0] ? toInvitation(rows[0]) : null;
  }
}

function toInvitation(row: InvitationRow): Invitation {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    inboxId: row.inbox_id,
    visitorId: row.visitor_id,
    agentId: row.agent_id,
    message: row.message,
    status: row.status,
    conversationId: row.conversation_id,
    createdAt: row.created_at.toISOString(),
  };
}

/** What agents see of an invitation. */
export function toInvitationView(invitation: Invitation): InvitationView {
  const { workspaceId: _workspace, inboxId: _inbox, ...view } = invitation;
  return view;
}
