import { RateLimitsModule } from '@hub/rate-limits';
import { runService } from '@hub/service-kit';
import { FilesModule } from '@hub/storage';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConnectorWebEnv } from './connector-web.env';
import { connectorWebEntities } from './connector-web.entities';
import { CustomerVisitsModule } from './customer-visits/customer-visits.module';
import { WebFilesModule } from './files/web-files.module';
import { LiveVisitorsModule } from './live-visitors/live-visitors.module';
import { PrivacyModule } from './privacy/privacy.module';
import { VisitorSessionsModule } from './visitor-sessions/visitor-sessions.module';
import { VisitorSocketModule } from './visitor-socket/visitor-socket.module';
import { WidgetAssetsModule } from './widget-assets/widget-assets.module';
import { WidgetConfigModule } from './widget-config/widget-config.module';
import { allowWidgetCrossOrigin } from './widget-cors';
import { WidgetVisitorModule } from './widget-visitor/widget-visitor.module';

// The visitor edge: sessions over HTTP, the visitor WebSocket at /ws/visitor on the same port.
void runService({
  service: 'connector-web',
  envSchema: ConnectorWebEnv,
  entities: connectorWebEntities,
  features: [
    RateLimitsModule.forRoot({ schema: 'web' }),
    VisitorSessionsModule,
    VisitorSocketModule,
    FilesModule,
    WebFilesModule,
    WidgetAssetsModule,
    WidgetConfigModule,
    WidgetVisitorModule,
    LiveVisitorsModule,
    PrivacyModule,
    CustomerVisitsModule,
  ],
  configureHttp: (app) => {
    allowWidgetCrossOrigin(app);
    // Beacons are JSON sent as text/plain (navigator.sendBeacon needs no CORS preflight so).
    (app as NestExpressApplication).useBodyParser('text', { limit: '64kb' });
  },
});
