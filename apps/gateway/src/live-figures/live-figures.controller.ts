import { Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { LiveFiguresView } from '@hub/contracts';
import { ApiController, ApiErrors } from '../api/api-controller.decorator';
import { LiveFiguresViewSchema } from '../api/view-schemas';
import type { AuthenticatedAgent } from '../auth/authenticated-agent';
import { CurrentAgent } from '../auth/current-agent.decorator';
import { LiveFiguresService } from './live-figures.service';

@ApiController('reports/live', 'reports')
export class LiveFiguresController {
  constructor(private readonly figures: LiveFiguresService) {}

  @Get()
  @ApiOperation({
    summary:
      "Supervisors and admins: the workspace's live figures (queue lengths, VIPs waiting, longest wait, agents online and their load)",
  })
  @ApiOkResponse({ type: LiveFiguresViewSchema })
  @ApiErrors({ status: 403, description: 'AUTH_FORBIDDEN' })
  get(@CurrentAgent() agent: AuthenticatedAgent): Promise<LiveFiguresView> {
    return this.figures.get(agent);
  }
}
