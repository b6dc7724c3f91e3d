import { Module } from '@nestjs/common';
import { ConversationNotesController } from './conversation-notes.controller';
import { CustomerActivityController } from './customer-activity.controller';
import { CustomerActivityService } from './customer-activity.service';
import { CustomerAttributesController } from './customer-attributes.controller';
import { CustomerAttributesService } from './customer-attributes.service';
import { CustomersController } from './customers.controller';
import { CustomersService } from './customers.service';

@Module({
  controllers: [
    CustomersController,
    CustomerActivityController,
    CustomerAttributesController,
    ConversationNotesController,
  ],
  providers: [CustomersService, CustomerActivityService, CustomerAttributesService],
})
export class CustomersModule {}
