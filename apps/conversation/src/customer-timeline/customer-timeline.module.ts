import { Module } from '@nestjs/common';
import { InboxDirectory } from '../inboxes/inbox-directory';
import { InboxRepository } from '../inboxes/inbox.repository';
import { CustomerConversationsHandler } from './customer-conversations.handler';
import { CustomerConversations } from './customer-conversations.query';

/** A customer's conversations for crm's customer timeline. */
@Module({
  controllers: [CustomerConversationsHandler],
  providers: [CustomerConversations, InboxDirectory, InboxRepository],
})
export class CustomerTimelineModule {}
