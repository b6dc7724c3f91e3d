import { Module } from '@nestjs/common';
import { RealtimeSubscriptions } from '@hub/socket-kit';
import { AgentsModule } from '../agents/agents.module';
import { AuthModule } from '../auth/auth.module';
import { ConversationsModule } from '../conversations/conversations.module';
import { LinksModule } from '../links/links.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { SessionsModule } from '../sessions/sessions.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { AgentCommands } from './agent-commands';
import { AgentSocketServer } from './agent-socket.server';
import { RealtimeFanout } from './realtime-fanout';
import { ResumeUseCase } from './resume.use-case';
import { RoutingPresence } from './routing-presence';
import { VisitorsModule } from '../visitors/visitors.module';

@Module({
  imports: [
    AuthModule,
    ConversationsModule,
    LinksModule,
    AgentsModule,
    WorkspacesModule,
    SessionsModule,
    VisitorsModule,
    PrivacyModule,
  ],
  providers: [
    AgentSocketServer,
    AgentCommands,
    RealtimeFanout,
    RealtimeSubscriptions,
    ResumeUseCase,
    RoutingPresence,
  ],
})
export class AgentSocketModule {}
