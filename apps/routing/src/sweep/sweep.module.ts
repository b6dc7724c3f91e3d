import { Module } from '@nestjs/common';
import { AcdModule } from '../acd/acd.module';
import { PresenceModule } from '../presence/presence.module';
import { RoutingSweeper } from './routing-sweeper';

@Module({
  imports: [AcdModule, PresenceModule],
  providers: [RoutingSweeper],
})
export class SweepModule {}
