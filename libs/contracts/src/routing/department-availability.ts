/**
 * `routing.department.availability` (a WorkspaceScopedRequest): whether anyone could answer a
 * chat now, for the widget: an active agent whose effective presence is online, in the
 * workspace and per department, within routing's business hours where they are set (a
 * department's own, else the workspace's).
 */
export interface DepartmentAvailabilityReply {
  workspaceOnline: boolean;
  /**
   * Whether the workspace's business hours are open now; null when routing has none for it
   * (the widget then falls back on its inbox's hours).
   */
  withinBusinessHours?: boolean | null;
  departments: {
    id: string;
    name: string;
    online: boolean;
    /** The department's own hours, else the workspace's, open now; null when neither is set. */
    withinBusinessHours?: boolean | null;
  }[];
}
