import { Module } from '@nestjs/common';
import { VisitorSessionsModule } from '../visitor-sessions/visitor-sessions.module';
import { WidgetConfigController } from './widget-config.controller';
import { WidgetConfigService } from './widget-config.service';

@Module({
  imports: [VisitorSessionsModule],
  controllers: [WidgetConfigController],
  providers: [WidgetConfigService],
  exports: [WidgetConfigService],
})
export class WidgetConfigModule {}
