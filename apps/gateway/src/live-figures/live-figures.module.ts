import { Module } from '@nestjs/common';
import { LiveFiguresController } from './live-figures.controller';
import { LiveFiguresService } from './live-figures.service';

/** `GET /api/v1/reports/live`: queues and agents as they stand, for supervisors. */
@Module({ controllers: [LiveFiguresController], providers: [LiveFiguresService] })
export class LiveFiguresModule {}
