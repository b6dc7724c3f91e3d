import { Injectable, Logger } from '@nestjs/common';
import { SUBJECTS, type AgentView, type AuthenticateAgentRequest } from '@hub/contracts';
import { hashPassword, verifyPassword } from '@hub/auth';
import { DomainException, RpcClient } from '@hub/service-kit';
import { WorkspacesService } from '../workspaces/workspaces.service';
import { AuthErrorCode, authErrors } from './auth.exception';
import type { LoginDto, LoginResponseDto } from './dto/login.dto';
import { TokenService } from './token.service';

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  private dummyHash?: Promise<string>;

  constructor(
    private readonly workspaces: WorkspacesService,
    private readonly rpc: RpcClient,
    private readonly tokens: TokenService,
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
    const { accessToken, expiresIn } = this.tokens.issue(agent);
    this.logger.log({ workspaceId, agentId: agent.id }, 'agent logged in');
    return { accessToken, tokenType: 'Bearer', expiresIn, agent };
  }

  private dummyPasswordHash(): Promise<string> {
    this.dummyHash ??= hashPassword('not a password anyone has');
    return this.dummyHash;
  }
}
