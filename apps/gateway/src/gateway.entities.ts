import { ApiKey } from './api-keys/api-key.entity';
import { Workspace } from './workspaces/workspace.entity';

export const gatewayEntities = [Workspace, ApiKey];
