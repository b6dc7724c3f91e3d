import { Module } from '@nestjs/common';
import { BusinessHoursHandler } from './business-hours.handler';
import { BusinessHoursService } from './business-hours.service';

/** Business hours of workspaces and departments (CRUD over NATS). */
@Module({
  controllers: [BusinessHoursHandler],
  providers: [BusinessHoursService],
})
export class BusinessHoursModule {}
