import { Module } from '@nestjs/common';
import { DepartmentsHandler } from './departments.handler';
import { DepartmentsService } from './departments.service';

@Module({
  controllers: [DepartmentsHandler],
  providers: [DepartmentsService],
})
export class DepartmentsModule {}
