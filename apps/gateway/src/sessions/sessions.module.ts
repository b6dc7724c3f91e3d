import { Module } from '@nestjs/common';
import { RevokedSessions } from './revoked-sessions';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';

@Module({
  providers: [SessionsRepository, RevokedSessions, SessionsService],
  exports: [SessionsRepository, RevokedSessions, SessionsService],
})
export class SessionsModule {}
