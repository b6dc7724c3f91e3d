import { Module } from '@nestjs/common';
import { PrivacyHandler } from './privacy.handler';
import { VisitorData } from './visitor-data';
import { VisitRetention } from './visit-retention';

/** Export and erasure of a customer's visits, and the retention job of visits. */
@Module({
  controllers: [PrivacyHandler],
  providers: [VisitorData, VisitRetention],
})
export class PrivacyModule {}
