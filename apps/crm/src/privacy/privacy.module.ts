import { Module } from '@nestjs/common';
import { CustomerData } from './customer-data';
import { PrivacyHandler } from './privacy.handler';

/** Export and erasure of everything crm holds about a customer. */
@Module({ controllers: [PrivacyHandler], providers: [CustomerData] })
export class PrivacyModule {}
