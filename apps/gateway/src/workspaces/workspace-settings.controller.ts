import { Body, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { WorkspaceSettingsView } from '@hub/contracts';
import { ApiController, ApiErrors } from '../api/api-controller.decorator';
import { WorkspaceSettingsSchema } from '../api/view-schemas';
import { authErrors } from '../auth/auth.exception';
import { isAdmin, type AuthenticatedAgent } from '../auth/authenticated-agent';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { UpdateWorkspaceSettingsBody } from './dto/workspace-settings.dto';
import { WorkspacesService } from './workspaces.service';

@ApiController('workspace/settings', 'workspace')
export class WorkspaceSettingsController {
  constructor(private readonly workspaces: WorkspacesService) {}

  @Get()
  @ApiOperation({ summary: "Admin only: the workspace's settings, defaults filled in" })
  @ApiOkResponse({ type: WorkspaceSettingsSchema })
  @ApiErrors({ status: 403, description: 'AUTH_FORBIDDEN (not an admin)' })
  get(@CurrentAgent() agent: AuthenticatedAgent): Promise<WorkspaceSettingsView> {
    if (!isAdmin(agent)) throw authErrors.adminOnly('read the workspace settings');
    return this.workspaces.settings(agent.workspaceId);
  }

  @Patch()
  @ApiOperation({
    summary: 'Admin only: change some of the settings; the others keep their values',
    description:
      'Masking patterns apply to messages stored and drafts shown from then on; retention ' +
      'applies at the next run of each service’s retention job.',
  })
  @ApiOkResponse({ type: WorkspaceSettingsSchema })
  @ApiErrors(
    {
      status: 400,
      description:
        'VALIDATION_FAILED (no field given, unknown time zone, days out of range, a masking ' +
        'pattern that does not compile or could backtrack without bound)',
    },
    { status: 403, description: 'AUTH_FORBIDDEN (not an admin)' },
  )
  update(
    @CurrentAgent() agent: AuthenticatedAgent,
    @Body() body: UpdateWorkspaceSettingsBody,
  ): Promise<WorkspaceSettingsView> {
    if (!isAdmin(agent)) throw authErrors.adminOnly('change the workspace settings');
    return this.workspaces.updateSettings(agent.workspaceId, body);
  }
}
