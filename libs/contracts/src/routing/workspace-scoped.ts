import { IsEntityId } from '../common/validators';

/** `routing.agent.list` → AgentView[]; `routing.department.list` → DepartmentView[]. */
export class WorkspaceScopedRequest {
  @IsEntityId() workspaceId!: string;
}
