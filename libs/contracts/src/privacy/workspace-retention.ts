/** `gateway.workspace.retention.list` → WorkspaceRetention[]: every workspace that set one. */
export class ListWorkspaceRetentionRequest {}

export interface WorkspaceRetention {
  workspaceId: string;
  /** Transcripts and visits older than this many days are removed. */
  retentionDays: number;
}
