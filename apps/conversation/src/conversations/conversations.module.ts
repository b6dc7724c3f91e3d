import { Module } from '@nestjs/common';
import { WorkspaceMasking } from '@hub/workspace-masking';
import { CurrentActors } from '../actors/current-actors';
import { CannedResponseRepository } from '../canned-responses/canned-response.repository';
import { CannedResponsesHandler } from '../canned-responses/canned-responses.handler';
import { CsatHandler } from '../csat/csat.handler';
import { EmailTranscriptHandler } from '../email/email-transcript.handler';
import { EmailTranscript } from '../email/email-transcript.use-case';
import { CustomersModule } from '../customers/customers.module';
import { SubmitCsat } from '../csat/submit-csat.use-case';
import { EmailDeliveryHandler } from '../email/email-delivery.handler';
import { EmailInboxDirectory } from '../email/email-inbox-directory';
import { EmailInboxesHandler } from '../email/email-inboxes.handler';
import { EmailReply } from '../email/email-reply';
import { EmailThreadFinder } from '../email/email-thread-finder';
import { OpenOfflineMessageConversation } from '../email/open-offline-message-conversation.use-case';
import { FileDirectory } from '../files/file-directory';
import { FilesHandler } from '../files/files.handler';
import { UploadLimits } from '../files/upload-limits';
import { InboxAdministration } from '../inboxes/inbox-administration';
import { InboxDirectory } from '../inboxes/inbox-directory';
import { InboxRepository } from '../inboxes/inbox.repository';
import { InboxesHandler } from '../inboxes/inboxes.handler';
import { InboundMessageHandler } from '../messages/inbound-message.handler';
import { DeliveryStatusRepository } from '../messages/delivery-status.repository';
import { MessageRepository } from '../messages/message.repository';
import { MessagesHandler } from '../messages/messages.handler';
import { FirstMessageStore } from '../messages/first-message-store';
import { FollowUpStore } from '../messages/follow-up-store';
import { ReceiveInboundMessage } from '../messages/receive-inbound-message.use-case';
import { CrmCustomers } from '../messages/crm-customers';
import { SendAgentMessage } from '../messages/send-agent-message.use-case';
import { ConversationNotifier } from '../notifications/conversation-notifier';
import { SocialDeliveryHandler } from '../social/social-delivery.handler';
import { SocialInboxDirectory } from '../social/social-inbox-directory';
import { SocialInboxesHandler } from '../social/social-inboxes.handler';
import { SocialReply } from '../social/social-reply';

import { ReadPositions } from '../reads/read-positions';
import { Tags } from '../tags/tags';
import { TagsHandler } from '../tags/tags.handler';
import { ConversationLifecycle } from './conversation-lifecycle';
import { ConversationList } from './conversation-list.query';
import { ConversationQueries } from './conversation-queries';
import { ConversationRepository } from './conversation.repository';
import { ConversationsHandler } from './conversations.handler';
import { OpenConversation } from './open-conversation';
import { AcceptInvitation } from '../visitors/accept-invitation.use-case';
import { InvitationMessages } from '../visitors/invitation-messages';
import { VisitorSummaries } from '../visitors/visitor-summaries.query';
import { VisitorsHandler } from '../visitors/visitors.handler';
import { RecordVisitorReceipt } from '../visitors/record-visitor-receipt.use-case';

@Module({
  imports: [CustomersModule],
  controllers: [
    ConversationsHandler,
    MessagesHandler,
    InboxesHandler,
    CannedResponsesHandler,
    CsatHandler,
    EmailTranscriptHandler,
    FilesHandler,
    VisitorsHandler,
    EmailInboxesHandler,
    SocialInboxesHandler,
    TagsHandler,
  ],
  providers: [
    ConversationRepository,
    MessageRepository,
    DeliveryStatusRepository,
    InboxRepository,
    CannedResponseRepository,
    ConversationQueries,
    ConversationList,
    ReadPositions,
    Tags,
    ConversationLifecycle,
    CurrentActors,
    OpenConversation,
    InboxDirectory,
    InboxAdministration,
    FileDirectory,
    UploadLimits,
    ConversationNotifier,
    ReceiveInboundMessage,
    CrmCustomers,
    FollowUpStore,
    FirstMessageStore,
    WorkspaceMasking,
    SendAgentMessage,
    InboundMessageHandler,
    SubmitCsat,
    EmailTranscript,
    // Web visitors (connector-web's live visitors and invitations).
    VisitorSummaries,
    AcceptInvitation,
    InvitationMessages,
    RecordVisitorReceipt,
    // Email threads and inboxes (connector-email).
    EmailThreadFinder,
    EmailInboxDirectory,
    EmailReply,
    EmailDeliveryHandler,
    // Social inboxes, replies and their delivery (connector-social).
    SocialInboxDirectory,
    SocialReply,
    SocialDeliveryHandler,
    OpenOfflineMessageConversation,
  ],
})
export class ConversationsModule {}
