import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { IdentifyVisitorDto } from './dto/identify-visitor.dto';
import { OfflineMessageDto, type OfflineMessageView } from './dto/offline-message.dto';
import { VisitorProfileDto } from './dto/visitor-profile.dto';
import { OfflineMessageIpLimitGuard } from './offline-rate-limit.guard';
import { WidgetVisitorService } from './widget-visitor.service';

@Controller('api/v1/widget')
export class WidgetVisitorController {
  constructor(private readonly visitors: WidgetVisitorService) {}

  @Post('identify')
  @HttpCode(204)
  identify(@Body() dto: IdentifyVisitorDto): Promise<void> {
    return this.visitors.identify(dto);
  }

  @Post('profile')
  @HttpCode(204)
  profile(@Body() dto: VisitorProfileDto): Promise<void> {
    return this.visitors.recordProfile(dto);
  }

  @Post('offline-messages')
  @UseGuards(OfflineMessageIpLimitGuard)
  leaveMessage(@Body() dto: OfflineMessageDto): Promise<OfflineMessageView> {
    return this.visitors.leaveMessage(dto);
  }
}
