import { RateLimitsModule } from '@hub/rate-limits';
import { runService } from '@hub/service-kit';
import { FilesModule } from '@hub/storage';
import { AgentSocketModule } from './agent-socket/agent-socket.module';
import { AgentsModule } from './agents/agents.module';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { serveApiDocs } from './api/openapi';
import { AuthModule } from './auth/auth.module';
import { forbidCachingOfAuthAnswers } from './auth/no-store';
import { CannedResponsesModule } from './canned-responses/canned-responses.module';
import { TagsModule } from './tags/tags.module';
import { ConversationsModule } from './conversations/conversations.module';
import { CustomerMergesModule } from './customer-merges/customer-merges.module';
import { CustomersModule } from './customers/customers.module';
import { DepartmentsModule } from './departments/departments.module';
import { GatewayFilesModule } from './files/gateway-files.module';
import { InboxesModule } from './inboxes/inboxes.module';
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
import { ApiChannelModule } from './api-channel/api-channel.module';
import { keepRawApiMessageBodies } from './api-channel/raw-body';
import { WebhooksModule } from './webhooks/webhooks.module';

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
    TagsModule,
    InboxesModule,
    ApiKeysModule,
    VisitorsModule,
    SlaModule,
    AgentSocketModule,
    FilesModule,
    GatewayFilesModule,
    ApiChannelModule,
    WebhooksModule,
  ],
  configureHttp: (app, env) => {
    forbidCachingOfAuthAnswers(app);
    keepRawApiMessageBodies(app, env.API_INBOX_MAX_BODY_BYTES);
    serveApiDocs(app);
    serveInboxApp(app, env);
  },
});
