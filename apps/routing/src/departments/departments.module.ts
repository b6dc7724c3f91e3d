import { Module } from '@nestjs/common';
import { BusinessHoursModule } from '../business-hours/business-hours.module';
import { DepartmentsHandler } from './departments.handler';
import { DepartmentsService } from './departments.service';

@Module({
  imports: [BusinessHoursModule],
  controllers: [DepartmentsHandler],
  providers: [DepartmentsService],
})
export class DepartmentsModule {}
