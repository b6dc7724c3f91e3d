import { Module } from '@nestjs/common';
import { CannedResponsesHandler } from '../canned-responses/canned-responses.handler';
import { InboxDirectory } from '../inboxes/inbox-directory';
import { InboxesHandler } from '../inboxes/inboxes.handler';
import { InboundMessageHandler } from '../messages/inbound-message.handler';
import { MessagesHandler } from '../messages/messages.handler';
import { ReceiveInboundMessage } from '../messages/receive-inbound-message.use-case';
import { SendAgentMessage } from '../messages/send-agent-message.use-case';
import { ConversationNotifier } from '../notifications/conversation-notifier';
import { Outbox } from '../outbox/outbox';
import { ConversationLifecycle } from './conversation-lifecycle';
import { ConversationQueries } from './conversation-queries';
import { ConversationsHandler } from './conversations.handler';
import { OpenConversation } from './open-conversation';

@Module({
  controllers: [ConversationsHandler, MessagesHandler, InboxesHandler, CannedResponsesHandler],
  providers: [
    ConversationQueries,
    ConversationLifecycle,
    OpenConversation,
    InboxDirectory,
    ConversationNotifier,
    Outbox,
    ReceiveInboundMessage,
    SendAgentMessage,
    InboundMessageHandler,
  ],
})
export class ConversationsModule {}
