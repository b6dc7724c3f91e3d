import { Module } from '@nestjs/common';
import { WorkspaceMasking } from '@hub/workspace-masking';
import { AttributeDefinitions } from './attribute-definitions.service';
import { CustomerIdentities } from './customer-identities.use-case';
import { DeleteAttribute } from './delete-attribute.use-case';
import { CustomerRecordsHandler } from './customer-records.handler';
import { CustomerRepository } from './customer.repository';
import { CustomerSearch } from './customer-search';
import { SearchableTextMasking } from './searchable-text-masking';
import { CustomerViews } from './customer-views';
import { CustomerWrites } from './customer-writes';
import { CustomersHandler } from './customers.handler';
import { CustomersService } from './customers.service';
import { IdentifyCustomer } from './identify-customer.use-case';
import { LinkSuggestions } from './link-suggestions.service';
import { RecordVisitorProfile } from './record-visitor-profile.use-case';
import { ResolveCustomers } from './resolve-customers.use-case';
import { WriteCustomer } from './write-customer.use-case';

@Module({
  controllers: [CustomersHandler, CustomerRecordsHandler],
  providers: [
    CustomersService,
    CustomerRepository,
    CustomerViews,
    CustomerSearch,
    SearchableTextMasking,
    WorkspaceMasking,
    CustomerWrites,
    AttributeDefinitions,
    DeleteAttribute,
    WriteCustomer,
    CustomerIdentities,
    LinkSuggestions,
    IdentifyCustomer,
    RecordVisitorProfile,
    ResolveCustomers,
  ],
  exports: [CustomersService, CustomerWrites, CustomerViews],
})
export class CustomersModule {}
