import { Module } from '@nestjs/common';
import { VisitorSessionsController } from './visitor-sessions.controller';
import { VisitorSessionsHandler } from './visitor-sessions.handler';
import { VisitorSessionsService } from './visitor-sessions.service';

@Module({
  controllers: [VisitorSessionsController, VisitorSessionsHandler],
  providers: [VisitorSessionsService],
  exports: [VisitorSessionsService],
})
export class VisitorSessionsModule {}
