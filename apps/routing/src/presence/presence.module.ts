import { Module } from '@nestjs/common';
import { AcdModule } from '../acd/acd.module';
import { AgentsModule } from '../agents/agents.module';
import { PresenceHandler } from './presence.handler';
import { PresenceService } from './presence.service';
import { PresenceSweep } from './presence-sweep';

@Module({
  imports: [AcdModule, AgentsModule],
  controllers: [PresenceHandler],
  providers: [PresenceService, PresenceSweep],
  exports: [PresenceSweep],
})
export class PresenceModule {}
