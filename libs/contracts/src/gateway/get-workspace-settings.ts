import { IsEntityId } from '../common/validators';

/** `gateway.workspace.settings.get` → WorkspaceSettingsView: the settings other services read. */
export class GetWorkspaceSettingsRequest {
  @IsEntityId() workspaceId!: string;
}

export interface WorkspaceSettingsView {
  /** Agents see visitors' unsent drafts (on unless the workspace turned it off). */
  typingSneakPeek: boolean;
  /** The workspace's IANA time zone: report periods and business hours are read in it. */
  timeZone: string;
  /** A customer's new message reopens a ticket solved at most this many days ago. */
  ticketReopenWindowDays: number;
  /**
   * Patterns (JavaScript regular expression sources) masked in stored transcripts, drafts and
   * search indexes beside card numbers, keeping the last four characters.
   */
  maskingPatterns: string[];
  /** Transcripts and visits older than this many days are removed; null keeps them. */
  retentionDays: number | null;
  /**
   * Webhooks and API-inbox callbacks may reach loopback, private and link-local addresses (an
   * integrator inside the same network). Off by default: such URLs are refused (SSRF).
   */
  webhooksAllowPrivateTargets: boolean;
}

/** What a workspace that never changed its settings has. */
export const DEFAULT_WORKSPACE_SETTINGS: WorkspaceSettingsView = {
  typingSneakPeek: true,
  timeZone: 'UTC',
  ticketReopenWindowDays: 7,
  maskingPatterns: [],
  retentionDays: null,
  webhooksAllowPrivateTargets: false,
};
