import { ApiKey } from './api-keys/api-key.entity';
import { CustomerErasure } from './privacy/customer-erasure.entity';
import { AgentSession } from './sessions/agent-session.entity';
import { RefreshToken } from './sessions/refresh-token.entity';
import { Workspace } from './workspaces/workspace.entity';

export const gatewayEntities = [Workspace, ApiKey, AgentSession, RefreshToken, CustomerErasure];
