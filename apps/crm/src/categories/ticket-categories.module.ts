import { Module } from '@nestjs/common';
import { TicketCategoriesHandler } from './ticket-categories.handler';
import { TicketCategoriesService } from './ticket-categories.service';

@Module({
  controllers: [TicketCategoriesHandler],
  providers: [TicketCategoriesService],
  exports: [TicketCategoriesService],
})
export class TicketCategoriesModule {}
