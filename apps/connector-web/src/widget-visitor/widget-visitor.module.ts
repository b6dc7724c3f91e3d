import { Module } from '@nestjs/common';
import { VisitorSessionsModule } from '../visitor-sessions/visitor-sessions.module';
import { VisitorSocketModule } from '../visitor-socket/visitor-socket.module';
import { WidgetConfigModule } from '../widget-config/widget-config.module';
import { OfflineMessageIpLimitGuard } from './offline-rate-limit.guard';
import { WidgetVisitorController } from './widget-visitor.controller';
import { WidgetVisitorLimits } from './widget-visitor-limits';
import { WidgetVisitorService } from './widget-visitor.service';

@Module({
  imports: [VisitorSessionsModule, VisitorSocketModule, WidgetConfigModule],
  controllers: [WidgetVisitorController],
  providers: [WidgetVisitorService, WidgetVisitorLimits, OfflineMessageIpLimitGuard],
})
export class WidgetVisitorModule {}
