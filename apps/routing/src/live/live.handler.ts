import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { SUBJECTS, WorkspaceScopedRequest, type LiveFiguresView } from '@hub/contracts';
import { Database, RequestPattern } from '@hub/service-kit';
import { LiveFiguresQuery } from './live-figures.query';

/** Answers `routing.live.get`: queues and agents as they stand, for supervisors. */
@Controller()
export class LiveHandler {
  private readonly figures: LiveFiguresQuery;

  constructor(database: Database) {
    this.figures = new LiveFiguresQuery(database.dataSource.manager);
  }

  @RequestPattern(SUBJECTS.routing.liveFigures)
  get(@Payload() request: WorkspaceScopedRequest): Promise<LiveFiguresView> {
    return this.figures.load(request.workspaceId);
  }
}
