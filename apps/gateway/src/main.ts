import { RateLimitsModule } from '@hub/rate-limits';
import { runService } from '@hub/service-kit';
import { FilesModule } from '@hub/storage';
import { AgentSocketModule } from './agent-socket/agent-socket.module';
import { AgentsModule } from './agents/agents.module';
import { serveApiDocs } from './api/openapi';
import { AuthModule } from './auth/auth.module';
import { forbidCachingOfAuthAnswers } from './auth/no-store';
import { CannedResponsesModule } from './canned-responses/canned-responses.module';
import { ConversationsModule } from './conversations/conversations.module';
import { CustomerMergesModule } from './customer-merges/customer-merges.module';
import { CustomersModule } from './customers/customers.module';
import { DepartmentsModule } from './departments/departments.module';
import { GatewayFilesModule } from './files/gateway-files.module';
import { GatewayEnv } from './gateway.env';
import { gatewayEntities } from './gateway.entities';
import { serveInboxApp } from './inbox-app/serve-inbox-app';
import { LinksModule } from './links/links.module';
import { TicketsModule } from './tickets/tickets.module';
import { SlaModule } from './sla/sla.module';
import { PrivacyModule } from './privacy/privacy.module';
import { ReportsModule } from './reports/reports.module';
import { LiveFiguresModule } from './live-figures/live-figures.module';
import { VisitorsModule } from './visitors/visitors.module';

void runService({
  service: 'gateway',
  envSchema: GatewayEnv,
  entities: gatewayEntities,
  features: [
    RateLimitsModule.forRoot({ schema: 'gateway' }),
    AuthModule,
    ConversationsModule,
    LinksModule,
    CustomersModule,
    TicketsModule,
    CustomerMergesModule,
    PrivacyModule,
    ReportsModule,
    AgentsModule,
    DepartmentsModule,
    LiveFiguresModule,
    CannedResponsesModule,
    VisitorsModule,
    SlaModule,
    AgentSocketModule,
    FilesModule,
    GatewayFilesModule,
  ],
  configureHttp: (app, env) => {
    forbidCachingOfAuthAnswers(app);
    serveApiDocs(app);
    serveInboxApp(app, env);
  },
});
