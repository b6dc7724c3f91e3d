import { Module } from '@nestjs/common';
import { DepartmentsController, QueueController } from './departments.controller';
import { DepartmentsService } from './departments.service';

@Module({ controllers: [DepartmentsController, QueueController], providers: [DepartmentsService] })
export class DepartmentsModule {}
