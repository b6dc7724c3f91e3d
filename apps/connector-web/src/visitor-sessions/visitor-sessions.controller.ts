import { Body, Controller, Post, UseGuards } from '@nestjs/common';
import { CreateVisitorSessionDto, type VisitorSessionView } from './dto/create-visitor-session.dto';
import { SessionRateLimitGuard } from './session-rate-limit.guard';
import { VisitorSessionsService } from './visitor-sessions.service';

@Controller('api/v1/widget/sessions')
export class VisitorSessionsController {
  constructor(private readonly sessions: VisitorSessionsService) {}

  @Post()
  @UseGuards(SessionRateLimitGuard)
  create(@Body() dto: CreateVisitorSessionDto): Promise<VisitorSessionView> {
    return this.sessions.create(dto);
  }
}
