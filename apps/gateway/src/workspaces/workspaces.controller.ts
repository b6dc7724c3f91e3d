import { Body, Controller, Headers, Ip, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../api/api-controller.decorator';
import { API_PREFIX } from '../api/api-prefix';
import { Public } from '../auth/public.decorator';
import { CreateWorkspace } from './create-workspace.use-case';
import {
  CreateWorkspaceBody,
  WorkspaceCreatedSchema,
  type WorkspaceCreated,
} from './dto/create-workspace.dto';

@Controller(`${API_PREFIX}/workspaces`)
@ApiTags('workspace')
export class WorkspacesController {
  constructor(private readonly createWorkspace: CreateWorkspace) {}

  @Post()
  @Public()
  @ApiOperation({
    summary: 'Create a workspace with its first admin (SIGNUP open, or an operator token)',
    description: 'The admin then logs in with the slug, their email and password.',
  })
  @ApiHeader({ name: 'X-Operator-Token', required: false })
  @ApiCreatedResponse({ type: WorkspaceCreatedSchema })
  @ApiErrors(
    { status: 400, description: 'VALIDATION_FAILED' },
    { status: 403, description: 'SIGNUP_CLOSED' },
    { status: 409, description: 'WORKSPACE_SLUG_TAKEN' },
    { status: 429, description: 'RATE_LIMITED (too many from this IP)' },
  )
  create(
    @Body() body: CreateWorkspaceBody,
    @Ip() ip: string,
    @Headers('x-operator-token') operatorToken: string | undefined,
  ): Promise<WorkspaceCreated> {
    return this.createWorkspace.execute({ body, ip, operatorToken });
  }
}
