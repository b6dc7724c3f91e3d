import { Injectable, Logger } from '@nestjs/common';
import type { SessionEndReason } from './agent-session.entity';
import { RevokedSessions } from './revoked-sessions';
import { SessionsRepository } from './sessions.repository';

/** Ends sessions: in PostgreSQL for every replica, and in this replica's list at once. */
@Injectable()
export class SessionsService {
  private readonly logger = new Logger(SessionsService.name);

  constructor(
    private readonly sessions: SessionsRepository,
    private readonly revoked: RevokedSessions,
  ) {}

  async end(sessionId: string, reason: SessionEndReason): Promise<void> {
    await this.sessions.revoke({ sessionId, reason });
    this.revoked.add([sessionId]);
    this.logger.log({ sessionId, reason }, 'agent session ended');
  }

  /** Every session of the agent, e.g. after an admin deactivated or demoted them. */
  async endAllOf(agent: { workspaceId: string; agentId: string }): Promise<void> {
    const ended = await this.sessions.revokeAgent(agent, 'agent_changed');
    this.revoked.add(ended);
    this.logger.log({ ...agent, sessions: ended.length }, 'agent sessions ended');
  }
}
