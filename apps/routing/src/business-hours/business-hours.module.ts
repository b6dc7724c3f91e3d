import { Module } from '@nestjs/common';
import { BusinessHoursHandler } from './business-hours.handler';
import { BusinessHoursService } from './business-hours.service';
import { Clock } from './clock';

/** Business hours of workspaces and departments (CRUD over NATS), and the clock they read. */
@Module({
  controllers: [BusinessHoursHandler],
  providers: [BusinessHoursService, Clock],
  exports: [Clock],
})
export class BusinessHoursModule {}
