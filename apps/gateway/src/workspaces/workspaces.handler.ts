import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  GetWorkspaceSettingsRequest,
  ListWorkspaceRetentionRequest,
  SUBJECTS,
  type WorkspaceRetention,
  type WorkspaceSettingsView,
} from '@hub/contracts';
import { RequestPattern } from '@hub/service-kit';
import { WorkspacesService } from './workspaces.service';

/** The workspace settings other services read (widget config, tickets, reports, privacy). */
@Controller()
export class WorkspacesHandler {
  constructor(private readonly workspaces: WorkspacesService) {}

  @RequestPattern(SUBJECTS.gateway.getWorkspaceSettings)
  async settings(@Payload() request: GetWorkspaceSettingsRequest): Promise<WorkspaceSettingsView> {
    return this.workspaces.settings(request.workspaceId);
  }

  @RequestPattern(SUBJECTS.gateway.listWorkspaceRetention)
  retention(@Payload() _request: ListWorkspaceRetentionRequest): Promise<WorkspaceRetention[]> {
    return this.workspaces.retention();
  }
}
