import { RateLimitsModule } from '@hub/rate-limits';
import { runService } from '@hub/service-kit';
import { ConnectorWebEnv } from './connector-web.env';
import { connectorWebEntities } from './connector-web.entities';
import { VisitorSessionsModule } from './visitor-sessions/visitor-sessions.module';
import { VisitorSocketModule } from './visitor-socket/visitor-socket.module';

// The visitor edge: sessions over HTTP, the visitor WebSocket at /ws/visitor on the same port.
void runService({
  service: 'connector-web',
  envSchema: ConnectorWebEnv,
  entities: connectorWebEntities,
  features: [
    RateLimitsModule.forRoot({ schema: 'web' }),
    VisitorSessionsModule,
    VisitorSocketModule,
  ],
  // The widget runs on customers' sites: its session request is cross-origin, and carries no cookie.
  configureHttp: (app) => app.enableCors({ origin: true, methods: ['POST'], credentials: false }),
});
