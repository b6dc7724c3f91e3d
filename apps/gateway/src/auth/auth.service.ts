import { Injectable, Logger } from '@nestjs/common';
import { SUBJECTS, type AgentView, type AuthenticateAgentRequest } from '@hub/contracts';
import { hashPassword, verifyPassword } from '@hub/auth';
import { DomainException, RpcClient } from '@hub/service-kit';
import { SessionsService } from '../sessions/sessions.service';
import { WorkspacesService } from '../workspaces/workspaces.service';
import { AuthErrorCode, authErrors } from './auth.exception';
import type { AuthenticatedAgent } from './authenticated-agent';
import type { LoginDto, LoginResponseDto } from './dto/login.dto';
import { SessionTokens } from './session-tokens';

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  private dummyHash?: Promise<string>;

  constructor(
    private readonly workspaces: WorkspacesService,
    private readonly rpc: RpcClient,
    private readonly tokens: SessionTokens,
    private readonly sessions: SessionsService,
  ) {}

  async login({ workspace, email, password }: LoginDto): Promise<LoginResponseDto> {
    const workspaceId = await this.workspaces.findIdBySlug(workspace);
    if (!workspaceId) {
      // Spend the time a password check takes, so response times do not reveal which slugs exist.
      await verifyPassword(password, await this.dummyPasswordHash());
      this.logger.log({ workspace }, 'login refused: unknown workspace');
      throw authErrors.invalidCredentials();
    }
    const request: AuthenticateAgentRequest = { workspaceId, email: email.toLowerCase(), password };
    let agent: AgentView;
    try {
      agent = await this.rpc.request(SUBJECTS.routing.authenticateAgent, request);
    } catch (error) {
      if (error instanceof DomainException && error.code === AuthErrorCode.InvalidCredentials) {
        this.logger.log({ workspaceId }, 'login refused: wrong credentials');
        throw authErrors.invalidCredentials();
      }
      throw error;
    }
    const tokens = await this.tokens.openSession(agent);
    this.logger.log({ workspaceId, agentId: agent.id }, 'agent logged in');
    return { ...tokens, agent };
  }

  /** Ends the session of the token used: its access and refresh tokens stop working. */
  async logout(agent: AuthenticatedAgent): Promise<void> {
    await this.sessions.end(agent.sessionId, 'logout');
  }

  private dummyPasswordHash(): Promise<string> {
    this.dummyHash ??= hashPassword('not a password anyone has');
    return this.dummyHash;
  }
}
