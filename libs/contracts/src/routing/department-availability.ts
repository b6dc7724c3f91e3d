/**
 * `routing.department.availability` (a WorkspaceScopedRequest): whether anyone could answer a
 * chat now, for the widget: an active agent whose effective presence is online, in the
 * workspace and per department.
 */
export interface DepartmentAvailabilityReply {
  workspaceOnline: boolean;
  departments: { id: string; name: string; online: boolean }[];
}
