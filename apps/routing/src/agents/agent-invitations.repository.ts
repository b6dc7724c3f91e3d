import { queryRows, type Queryable } from '../sql';

/** Invited agents' one-time tokens (routing.agent_invitations), by SHA-256. */
export class AgentInvitationsRepository {
  constructor(private readonly db: Queryable) {}

  async add(invitation: {
    tokenHash: string;
    workspaceId: string;
    agentId: string;
    expiresAt: Date;
  }): Promise<void> {
    await this.db.query(
      `insert into routing.agent_invitations (token_hash, workspace_id, agent_id, expires_at)
       values ($1, $2, $3, $4)`,
      [invitation.tokenHash, invitation.workspaceId, invitation.agentId, invitation.expiresAt],
    );
  }

  /**
   * Deletes the unexpired invitation and answers whose it was: the delete is the redemption,
   * so two requests with one token cannot both succeed.
   */
  async redeem(tokenHash: string): Promise<{ workspaceId: string; agentId: string } | undefined> {
    const [row] = await queryRows<{ workspaceId: string; agentId: string }>(
      this.db,
      `delete from routing.agent_invitations where token_hash = $1 and expires_at > now()
       returning workspace_id as "workspaceId", agent_id as "agentId"`,
      [tokenHash],
    );
    return row;
  }
}
