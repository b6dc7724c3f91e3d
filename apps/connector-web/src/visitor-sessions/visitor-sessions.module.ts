import { Module } from '@nestjs/common';
import { VisitorSessionsController } from './visitor-sessions.controller';
import { VisitorSessionsService } from './visitor-sessions.service';

@Module({
  controllers: [VisitorSessionsController],
  providers: [VisitorSessionsService],
  exports: [VisitorSessionsService],
})
export class VisitorSessionsModule {}
