import { Controller, Get, Header, Param } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { VisitorSessionError } from '../visitor-sessions/visitor-session.exception';
import { WidgetConfigService } from './widget-config.service';
import type { WidgetConfigView } from './widget-config.view';

@Controller('api/v1/widget/config')
export class WidgetConfigController {
  constructor(private readonly config: WidgetConfigService) {}

  // Public: the widget asks on every page load, before the visitor has a session.
  @Get(':inboxId')
  @Header('Cache-Control', 'public, max-age=5')
  get(@Param('inboxId') inboxId: string): Promise<WidgetConfigView> {
    // Not an id at all: no such inbox, as for an unknown one.
    if (!isUUID(inboxId)) throw VisitorSessionError.inboxNotFound(inboxId);
    return this.config.get(inboxId);
  }
}
