import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsEmailAddress, IsEntityId } from '../common/validators';

/** `routing.agent.authenticate` → AgentView, or AUTH_INVALID_CREDENTIALS (same for any cause). */
export class AuthenticateAgentRequest {
  @IsEntityId() workspaceId!: string;
  @IsEmailAddress() email!: string;
  @IsString() @MinLength(1) @MaxLength(200) password!: string;
}
