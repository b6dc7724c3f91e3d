import { IsEntityId } from '../common/validators';

/** `gateway.workspace.settings.get` → WorkspaceSettingsView: the settings other edges read. */
export class GetWorkspaceSettingsRequest {
  @IsEntityId() workspaceId!: string;
}

export interface WorkspaceSettingsView {
  /** Agents see visitors' unsent drafts (on unless the workspace turned it off). */
  typingSneakPeek: boolean;
}
