import { Module } from '@nestjs/common';
import { BusinessHoursController } from './business-hours.controller';
import { SlaController } from './sla.controller';
import { SlaService } from './sla.service';

/** REST for business hours, SLA policies and clocks (routing owns them). */
@Module({ controllers: [BusinessHoursController, SlaController], providers: [SlaService] })
export class SlaModule {}
