import { Module } from '@nestjs/common';
import { VisitorVisitsHandler } from './visitor-visits.handler';
import { VisitorVisits } from './visitor-visits.query';

/** A customer's website visits for crm's customer timeline. */
@Module({ controllers: [VisitorVisitsHandler], providers: [VisitorVisits] })
export class CustomerVisitsModule {}
