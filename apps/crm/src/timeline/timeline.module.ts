import { Module } from '@nestjs/common';
import { CustomerTimeline } from './customer-timeline.service';
import { TimelineHandler } from './timeline.handler';

@Module({ controllers: [TimelineHandler], providers: [CustomerTimeline] })
export class TimelineModule {}
