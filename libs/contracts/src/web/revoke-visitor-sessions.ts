import { IsEntityId } from '../common/validators';

/**
 * `connector-web.visitor-session.revoke` → RevokeVisitorSessionsReply: every session of the
 * visitor in the workspace ends; their tokens are refused and their open sockets closed (4401).
 */
export class RevokeVisitorSessionsRequest {
  @IsEntityId() workspaceId!: string;
  @IsEntityId() visitorId!: string;
}

export interface RevokeVisitorSessionsReply {
  /** How many live sessions were ended (0 when the visitor had none). */
  revoked: number;
}
