import { ApiDeliveryReported } from './gateway/api-delivery-reported';
import { AssignConversationRequest } from './conversation/assign-conversation';
import { ChangeConversationStatusRequest } from './conversation/change-conversation-status';
import { ConversationAssigned } from './conversation/conversation-assigned';
import { ConversationOpened } from './conversation/conversation-opened';
import { ConversationRated } from './conversation/conversation-rated';
import { ConversationResolved } from './conversation/conversation-resolved';
import { ConversationUnassigned } from './conversation/conversation-unassigned';
import { GetConversationRequest } from './conversation/get-conversation';
import { GetInboxRequest } from './conversation/get-inbox';
import {
  CreateInboxRequest,
  DeleteInboxRequest,
  UpdateInboxRequest,
} from './conversation/inbox-admin';
import {
  CreateCannedResponseRequest,
  DeleteCannedResponseRequest,
  ListCannedResponsesRequest,
  UpdateCannedResponseRequest,
} from './conversation/list-canned-responses';
import {
  ListConversationsRequest,
  type ConversationListPage,
} from './conversation/list-conversations';
import {
  ConversationTagsRequest,
  CreateTagRequest,
  DeleteTagRequest,
  ListTagsRequest,
  SetConversationTagRequest,
  UpdateTagRequest,
  type TagView,
} from './conversation/conversation-tags';
import {
  MarkConversationReadRequest,
  type ConversationReadView,
} from './conversation/mark-conversation-read';
import { ListMessagesRequest } from './conversation/list-messages';
import { MessageCreated } from './conversation/message-created';
import { SendAgentMessageRequest } from './conversation/send-agent-message';
import { SubmitCsatRequest } from './conversation/submit-csat';
import { VisitorReceiptRequest, type VisitorReceiptReply } from './conversation/visitor-receipt';
import {
  AgentEmailTranscriptRequest,
  EmailTranscriptRequest,
  type EmailTranscriptReply,
} from './conversation/email-transcript';
import { UnassignConversationRequest } from './conversation/unassign-conversation';
import { VisitorHistoryRequest, type VisitorHistoryReply } from './conversation/visitor-history';
import { GetCustomerRequest } from './crm/get-customer';
import {
  GetFileRequest,
  GetUploadLimitRequest,
  RegisterFileRequest,
  type UploadLimitReply,
} from './files/register-file';
import { deadLetterSubject, MessageDeadLettered } from './dead-letters/message-dead-lettered';
import { ResolveCustomerRequest, type ResolveCustomerReply } from './crm/resolve-customer';
import { ResolveCustomersRequest, type ResolveCustomersReply } from './crm/resolve-customers';
import { SearchCustomersRequest, type CustomerPage } from './crm/search-customers';
import { CreateCustomerRequest, UpdateCustomerRequest } from './crm/write-customer';
import { AddIdentityRequest, RemoveIdentityRequest } from './crm/customer-identities';
import {
  DefineAttributeRequest,
  DeleteAttributeRequest,
  ListAttributesRequest,
  UpdateAttributeRequest,
  type AttributeDefinitionView,
  type DeletedAttributeView,
} from './crm/customer-attributes';
import {
  DecideLinkSuggestionRequest,
  ListLinkSuggestionsRequest,
  type LinkSuggestionView,
} from './crm/link-suggestions';
import { CustomerChanged } from './crm/customer-changed';
import {
  ListOrdersRequest,
  PutOrderRequest,
  type OrderView,
  type PutOrderReply,
} from './crm/orders';
import { AddNoteRequest, ListNotesRequest, type NoteView } from './crm/notes';
import { CustomerTimelineRequest, type TimelinePage } from './crm/customer-timeline';
import { CustomerConversationsRequest } from './conversation/customer-conversations';
import { VisitorVisitsRequest, type VisitView } from './web/visitor-visits';
import {
  CreateTicketFromOfflineMessageRequest,
  type CreateTicketFromOfflineMessageReply,
} from './crm/create-ticket-from-offline-message';
import { IdentifyCustomerRequest, type IdentifyCustomerReply } from './crm/identify-customer';
import { ListCustomerTicketsRequest } from './crm/list-customer-tickets';
import {
  RecordVisitorProfileRequest,
  type RecordVisitorProfileReply,
} from './crm/record-visitor-profile';
import {
  GetBusiestHoursRequest,
  GetKpiReportRequest,
  GetReportRebuildRequest,
  RebuildReportsRequest,
  type BusiestHourRow,
  type KpiReportRow,
  type ReportRebuildView,
} from './crm/reports';
import { TicketChanged } from './crm/ticket-changed';
import { TicketCreated } from './crm/ticket-created';
import { CreateTicketRequest } from './tickets/create-ticket';
import { GetTicketRequest } from './tickets/get-ticket';
import { LinkTicketConversationRequest } from './tickets/link-ticket-conversation';
import { SearchTicketsRequest, type TicketPage } from './tickets/search-tickets';
import {
  CreateTicketCategoryRequest,
  DeleteTicketCategoryRequest,
  RenameTicketCategoryRequest,
  type TicketCategoryView,
} from './tickets/ticket-categories';
import type { TicketHistoryEntry } from './tickets/ticket-history';
import {
  CancelTicketReminderRequest,
  CreateTicketReminderRequest,
  type TicketReminderView,
} from './tickets/ticket-reminders';
import { UpdateTicketRequest } from './tickets/update-ticket';
import { MergeCustomersRequest, UndoCustomerMergeRequest } from './crm/merge-customers';
import { CustomerMergeEvent } from './crm/customer-merge-event';
import {
  MergeCustomerConversationsRequest,
  UnmergeCustomerConversationsRequest,
  type CustomerConversationsMoved,
} from './conversation/move-customer-conversations';
import type { CustomerMergeView } from './views/customer-merge-view';
import {
  GetWorkspaceSettingsRequest,
  type WorkspaceSettingsView,
} from './gateway/get-workspace-settings';
import type { DepartmentAvailabilityReply } from './routing/department-availability';
import {
  ConversationCustomerDataRequest,
  CrmCustomerDataRequest,
  WebVisitorDataRequest,
  type ConversationCustomerExport,
  type ConversationErasure,
  type CrmCustomerExport,
  type ErasedRows,
  type WebVisitorExport,
} from './privacy/customer-data';
import {
  ListWorkspaceRetentionRequest,
  type WorkspaceRetention,
} from './privacy/workspace-retention';
import type { TicketView } from './views/ticket-view';
import { EmailDeliveryReported, EmailReplyRequested } from './email/email-reply-requested';
import {
  FindEmailInboxRequest,
  ListPolledEmailInboxesRequest,
  type EmailInboxView,
} from './email/find-email-inbox';
import {
  OpenOfflineMessageConversationRequest,
  type OpenOfflineMessageConversationReply,
} from './email/open-offline-message-conversation';
import { InboundMessageReceived } from './inbound/inbound-message-received';
import { FindSocialInboxRequest, type SocialInboxView } from './social/find-social-inbox';
import { SocialDeliveryReported, SocialReplyRequested } from './social/social-reply-requested';
import {
  SetTelegramWebhookRequest,
  type SetTelegramWebhookReply,
} from './social/set-telegram-webhook';
import { GetWebhookEndpointRequest, type WebhookEndpointView } from './social/webhook-endpoint';
import { defineEvent, defineRequest, returns } from './messages/contract';
import { AgentConnectionChangedRequest } from './routing/agent-connection-changed';
import { AuthenticateAgentRequest } from './routing/authenticate-agent';
import { GatewayHeartbeatRequest, type GatewayHeartbeatReply } from './routing/gateway-heartbeat';
import { GetAgentRequest } from './routing/get-agent';
import { GetQueueRequest } from './routing/get-queue';
import { PickConversationRequest } from './routing/pick-conversation';
import { SetAgentPresenceRequest } from './routing/set-agent-presence';
import { TransferConversationRequest } from './routing/transfer-conversation';
import { UpdateAgentRequest, type UpdateAgentReply } from './routing/update-agent';
import {
  AcceptAgentInvitationRequest,
  ChangeAgentPasswordRequest,
  CreateAgentRequest,
  CreateFirstAdminRequest,
  type CreateAgentReply,
} from './routing/create-agent';
import {
  CreateDepartmentRequest,
  DeleteDepartmentRequest,
  UpdateDepartmentRequest,
} from './routing/update-department';
import type { LiveFiguresView } from './views/live-figures-view';
import {
  AcceptInvitationRequest,
  type AcceptInvitationReply,
} from './conversation/accept-invitation';
import { VisitorSummariesRequest, type VisitorSummary } from './conversation/visitor-summaries';
import { ListOnlineVisitorsRequest } from './web/list-online-visitors';
import { SendInvitationRequest, type InvitationView } from './web/send-invitation';
import { VisitorTrailRequest } from './web/visitor-trail';
import type { VisitorTrailView, VisitorView } from './web/visitor-view';
import {
  RevokeVisitorSessionsRequest,
  type RevokeVisitorSessionsReply,
} from './web/revoke-visitor-sessions';
import { WorkspaceScopedRequest } from './routing/workspace-scoped';
import type { AgentView, DepartmentView, QueueEntryView } from './views/agent-view';
import { SlaClockEvent } from './routing/sla-clock-event';
import {
  RemoveBusinessHoursRequest,
  SetBusinessHoursRequest,
  type BusinessHoursView,
  type RemoveBusinessHoursReply,
} from './routing/business-hours';
import {
  CreateSlaPolicyRequest,
  RemoveSlaPolicyRequest,
  UpdateSlaPolicyRequest,
  type SlaPolicyView,
} from './routing/sla-policies';
import { ListSlaClocksRequest, type SlaClockView } from './routing/sla-clocks';
import {
  SlaAlertingTicketsRequest,
  SlaStandingsRequest,
  type SlaStandingView,
} from './routing/sla-standings';
import type { ConversationView, CsatView } from './views/conversation-view';
import type { CannedResponseView, CustomerView } from './views/customer-view';
import type { FileView, StoredFileView } from './views/file-view';
import type { InboxView } from './views/inbox-view';
import type { MessageView } from './views/message-view';

/** `inbound.web`, `inbound.email`...: where a connector publishes a customer message. */
function inboundSubject(channel: string): string {
  return `inbound.${channel}`;
}

/**
 * Agents' replies on the social channels, one `outbound.<channel>` subject each (a family
 * `outbound.*` would take `outbound.email` in too), for connector-social to send.
 */
const socialReplyRequested = {
  messengerReplyRequested: defineEvent('outbound.messenger', SocialReplyRequested, 'OUTBOUND'),
  instagramReplyRequested: defineEvent('outbound.instagram', SocialReplyRequested, 'OUTBOUND'),
  whatsappReplyRequested: defineEvent('outbound.whatsapp', SocialReplyRequested, 'OUTBOUND'),
  telegramReplyRequested: defineEvent('outbound.telegram', SocialReplyRequested, 'OUTBOUND'),
  lineReplyRequested: defineEvent('outbound.line', SocialReplyRequested, 'OUTBOUND'),
} as const;

/**
 * Every NATS message the hub sends, before namespacing (the messaging layer prefixes each
 * subject with `HUB_NAMESPACE`), each with its payload class and its reply type or stream.
 * Requests are `<service>.<entity>.<verb>` on core NATS, answered by the owning service's queue
 * group; events are `evt.<service>.<entity>.<past-tense>.v<N>` on the EVENTS stream; customer
 * messages a connector accepted are `inbound.<channel>` on INBOUND; messages a consumer gave up
 * are `dlq.<original subject>` on DEAD_LETTERS. Realtime fan-out subjects
 * are in `realtimeSubjects`.
 */
export const SUBJECTS = {
  inbound: {
    /** A connector accepted a customer message: `inbound.<channel>`, one subject per channel. */
    messageReceived: defineEvent('inbound.>', InboundMessageReceived, 'INBOUND', (message) =>
      inboundSubject(message.channel),
    ),
  },
  deadLetters: {
    /** A consumer gave a message up: `dlq.<original subject>`, e.g. `dlq.inbound.web`. */
    messageDeadLettered: defineEvent('dlq.>', MessageDeadLettered, 'DEAD_LETTERS', (letter) =>
      deadLetterSubject(letter.originalSubject),
    ),
  },
  crm: {
    resolveCustomer: defineRequest(
      'crm.customer.resolve',
      ResolveCustomerRequest,
      returns<ResolveCustomerReply>(),
    ),
    resolveCustomers: defineRequest(
      'crm.customer.resolve-many',
      ResolveCustomersRequest,
      returns<ResolveCustomersReply>(),
    ),
    getCustomer: defineRequest('crm.customer.get', GetCustomerRequest, returns<CustomerView>()),
    searchCustomers: defineRequest(
      'crm.customer.search',
      SearchCustomersRequest,
      returns<CustomerPage>(),
    ),
    createCustomer: defineRequest(
      'crm.customer.create',
      CreateCustomerRequest,
      returns<CustomerView>(),
    ),
    updateCustomer: defineRequest(
      'crm.customer.update',
      UpdateCustomerRequest,
      returns<CustomerView>(),
    ),
    addIdentity: defineRequest(
      'crm.customer.identity.add',
      AddIdentityRequest,
      returns<CustomerView>(),
    ),
    removeIdentity: defineRequest(
      'crm.customer.identity.remove',
      RemoveIdentityRequest,
      returns<CustomerView>(),
    ),
    listLinkSuggestions: defineRequest(
      'crm.customer.suggestion.list',
      ListLinkSuggestionsRequest,
      returns<LinkSuggestionView[]>(),
    ),
    decideLinkSuggestion: defineRequest(
      'crm.customer.suggestion.decide',
      DecideLinkSuggestionRequest,
      returns<LinkSuggestionView>(),
    ),
    defineAttribute: defineRequest(
      'crm.attribute.define',
      DefineAttributeRequest,
      returns<AttributeDefinitionView>(),
    ),
    updateAttribute: defineRequest(
      'crm.attribute.update',
      UpdateAttributeRequest,
      returns<AttributeDefinitionView>(),
    ),
    deleteAttribute: defineRequest(
      'crm.attribute.delete',
      DeleteAttributeRequest,
      returns<DeletedAttributeView>(),
    ),
    listAttributes: defineRequest(
      'crm.attribute.list',
      ListAttributesRequest,
      returns<AttributeDefinitionView[]>(),
    ),
    putOrder: defineRequest('crm.order.put', PutOrderRequest, returns<PutOrderReply>()),
    listOrders: defineRequest('crm.order.list', ListOrdersRequest, returns<OrderView[]>()),
    addNote: defineRequest('crm.note.add', AddNoteRequest, returns<NoteView>()),
    listNotes: defineRequest('crm.note.list', ListNotesRequest, returns<NoteView[]>()),
    customerTimeline: defineRequest(
      'crm.customer.timeline',
      CustomerTimelineRequest,
      returns<TimelinePage>(),
    ),
    customerChanged: defineEvent('evt.crm.customer.changed.v1', CustomerChanged, 'EVENTS'),
    identifyCustomer: defineRequest(
      'crm.customer.identify',
      IdentifyCustomerRequest,
      returns<IdentifyCustomerReply>(),
    ),
    recordVisitorProfile: defineRequest(
      'crm.customer.profile.record',
      RecordVisitorProfileRequest,
      returns<RecordVisitorProfileReply>(),
    ),
    createTicketFromOfflineMessage: defineRequest(
      'crm.ticket.create-from-offline-message',
      CreateTicketFromOfflineMessageRequest,
      returns<CreateTicketFromOfflineMessageReply>(),
    ),
    listCustomerTickets: defineRequest(
      'crm.ticket.list',
      ListCustomerTicketsRequest,
      returns<TicketView[]>(),
    ),
    createTicket: defineRequest('crm.ticket.create', CreateTicketRequest, returns<TicketView>()),
    getTicket: defineRequest('crm.ticket.get', GetTicketRequest, returns<TicketView>()),
    searchTickets: defineRequest('crm.ticket.search', SearchTicketsRequest, returns<TicketPage>()),
    updateTicket: defineRequest('crm.ticket.update', UpdateTicketRequest, returns<TicketView>()),
    linkTicketConversation: defineRequest(
      'crm.ticket.conversation.link',
      LinkTicketConversationRequest,
      returns<TicketView>(),
    ),
    unlinkTicketConversation: defineRequest(
      'crm.ticket.conversation.unlink',
      LinkTicketConversationRequest,
      returns<TicketView>(),
    ),
    ticketHistory: defineRequest(
      'crm.ticket.history',
      GetTicketRequest,
      returns<TicketHistoryEntry[]>(),
    ),
    createTicketReminder: defineRequest(
      'crm.ticket.reminder.create',
      CreateTicketReminderRequest,
      returns<TicketReminderView>(),
    ),
    listTicketReminders: defineRequest(
      'crm.ticket.reminder.list',
      GetTicketRequest,
      returns<TicketReminderView[]>(),
    ),
    cancelTicketReminder: defineRequest(
      'crm.ticket.reminder.cancel',
      CancelTicketReminderRequest,
      returns<TicketReminderView>(),
    ),
    listTicketCategories: defineRequest(
      'crm.ticket-category.list',
      WorkspaceScopedRequest,
      returns<TicketCategoryView[]>(),
    ),
    createTicketCategory: defineRequest(
      'crm.ticket-category.create',
      CreateTicketCategoryRequest,
      returns<TicketCategoryView>(),
    ),
    renameTicketCategory: defineRequest(
      'crm.ticket-category.rename',
      RenameTicketCategoryRequest,
      returns<TicketCategoryView>(),
    ),
    deleteTicketCategory: defineRequest(
      'crm.ticket-category.delete',
      DeleteTicketCategoryRequest,
      returns<TicketCategoryView>(),
    ),
    exportCustomerData: defineRequest(
      'crm.privacy.export',
      CrmCustomerDataRequest,
      returns<CrmCustomerExport>(),
    ),
    eraseCustomerData: defineRequest(
      'crm.privacy.erase',
      CrmCustomerDataRequest,
      returns<ErasedRows>(),
    ),
    ticketCreated: defineEvent('evt.crm.ticket.created.v1', TicketCreated, 'EVENTS'),
    ticketChanged: defineEvent('evt.crm.ticket.changed.v1', TicketChanged, 'EVENTS'),
    mergeCustomers: defineRequest(
      'crm.customer.merge',
      MergeCustomersRequest,
      returns<CustomerMergeView>(),
    ),
    undoCustomerMerge: defineRequest(
      'crm.customer-merge.undo',
      UndoCustomerMergeRequest,
      returns<CustomerMergeView>(),
    ),
    customerMerged: defineEvent('evt.crm.customer.merged.v1', CustomerMergeEvent, 'EVENTS'),
    customerUnmerged: defineEvent('evt.crm.customer.unmerged.v1', CustomerMergeEvent, 'EVENTS'),
    kpiReport: defineRequest('crm.report.kpis', GetKpiReportRequest, returns<KpiReportRow[]>()),
    busiestHours: defineRequest(
      'crm.report.busiest-hours',
      GetBusiestHoursRequest,
      returns<BusiestHourRow[]>(),
    ),
    rebuildReports: defineRequest(
      'crm.report.rebuild',
      RebuildReportsRequest,
      returns<ReportRebuildView>(),
    ),
    getReportRebuild: defineRequest(
      'crm.report.rebuild.get',
      GetReportRebuildRequest,
      returns<ReportRebuildView>(),
    ),
  },
  conversation: {
    listConversations: defineRequest(
      'conversation.conversation.list',
      ListConversationsRequest,
      returns<ConversationListPage>(),
    ),
    markConversationRead: defineRequest(
      'conversation.conversation.mark-read',
      MarkConversationReadRequest,
      returns<ConversationReadView>(),
    ),
    conversationTags: defineRequest(
      'conversation.conversation.tags',
      ConversationTagsRequest,
      returns<TagView[]>(),
    ),
    setConversationTag: defineRequest(
      'conversation.conversation.set-tag',
      SetConversationTagRequest,
      returns<TagView[]>(),
    ),
    listTags: defineRequest('conversation.tag.list', ListTagsRequest, returns<TagView[]>()),
    createTag: defineRequest('conversation.tag.create', CreateTagRequest, returns<TagView>()),
    updateTag: defineRequest('conversation.tag.update', UpdateTagRequest, returns<TagView>()),
    deleteTag: defineRequest('conversation.tag.delete', DeleteTagRequest, returns<TagView>()),
    getConversation: defineRequest(
      'conversation.conversation.get',
      GetConversationRequest,
      returns<ConversationView>(),
    ),
    assign: defineRequest(
      'conversation.conversation.assign',
      AssignConversationRequest,
      returns<ConversationView>(),
    ),
    unassign: defineRequest(
      'conversation.conversation.unassign',
      UnassignConversationRequest,
      returns<ConversationView>(),
    ),
    resolve: defineRequest(
      'conversation.conversation.resolve',
      ChangeConversationStatusRequest,
      returns<ConversationView>(),
    ),
    reopen: defineRequest(
      'conversation.conversation.reopen',
      ChangeConversationStatusRequest,
      returns<ConversationView>(),
    ),
    listMessages: defineRequest(
      'conversation.message.list',
      ListMessagesRequest,
      returns<MessageView[]>(),
    ),
    sendAgentMessage: defineRequest(
      'conversation.message.send',
      SendAgentMessageRequest,
      returns<MessageView>(),
    ),
    visitorHistory: defineRequest(
      'conversation.visitor.history',
      VisitorHistoryRequest,
      returns<VisitorHistoryReply>(),
    ),
    getInbox: defineRequest('conversation.inbox.get', GetInboxRequest, returns<InboxView>()),
    listInboxes: defineRequest(
      'conversation.inbox.list',
      WorkspaceScopedRequest,
      returns<InboxView[]>(),
    ),
    createInbox: defineRequest(
      'conversation.inbox.create',
      CreateInboxRequest,
      returns<InboxView>(),
    ),
    updateInbox: defineRequest(
      'conversation.inbox.update',
      UpdateInboxRequest,
      returns<InboxView>(),
    ),
    deleteInbox: defineRequest(
      'conversation.inbox.delete',
      DeleteInboxRequest,
      returns<InboxView>(),
    ),
    findEmailInbox: defineRequest(
      'conversation.email-inbox.find',
      FindEmailInboxRequest,
      returns<EmailInboxView>(),
    ),
    listPolledEmailInboxes: defineRequest(
      'conversation.email-inbox.list-polled',
      ListPolledEmailInboxesRequest,
      returns<EmailInboxView[]>(),
    ),
    openOfflineMessageConversation: defineRequest(
      'conversation.offline-message.open-email',
      OpenOfflineMessageConversationRequest,
      returns<OpenOfflineMessageConversationReply>(),
    ),
    visitorSummaries: defineRequest(
      'conversation.visitor.summaries',
      VisitorSummariesRequest,
      returns<VisitorSummary[]>(),
    ),
    acceptInvitation: defineRequest(
      'conversation.invitation.accept',
      AcceptInvitationRequest,
      returns<AcceptInvitationReply>(),
    ),
    listCannedResponses: defineRequest(
      'conversation.canned-response.list',
      ListCannedResponsesRequest,
      returns<CannedResponseView[]>(),
    ),
    createCannedResponse: defineRequest(
      'conversation.canned-response.create',
      CreateCannedResponseRequest,
      returns<CannedResponseView>(),
    ),
    updateCannedResponse: defineRequest(
      'conversation.canned-response.update',
      UpdateCannedResponseRequest,
      returns<CannedResponseView>(),
    ),
    deleteCannedResponse: defineRequest(
      'conversation.canned-response.delete',
      DeleteCannedResponseRequest,
      returns<CannedResponseView>(),
    ),
    submitCsat: defineRequest('conversation.csat.submit', SubmitCsatRequest, returns<CsatView>()),
    recordVisitorReceipt: defineRequest(
      'conversation.visitor-receipt.record',
      VisitorReceiptRequest,
      returns<VisitorReceiptReply>(),
    ),
    emailTranscript: defineRequest(
      'conversation.transcript.email',
      EmailTranscriptRequest,
      returns<EmailTranscriptReply>(),
    ),
    agentEmailTranscript: defineRequest(
      'conversation.transcript.email-by-agent',
      AgentEmailTranscriptRequest,
      returns<EmailTranscriptReply>(),
    ),
    registerFile: defineRequest(
      'conversation.file.register',
      RegisterFileRequest,
      returns<FileView>(),
    ),
    getFile: defineRequest('conversation.file.get', GetFileRequest, returns<StoredFileView>()),
    getUploadLimit: defineRequest(
      'conversation.file.upload-limit',
      GetUploadLimitRequest,
      returns<UploadLimitReply>(),
    ),
    mergeCustomerConversations: defineRequest(
      'conversation.customer.merge',
      MergeCustomerConversationsRequest,
      returns<CustomerConversationsMoved>(),
    ),
    unmergeCustomerConversations: defineRequest(
      'conversation.customer.unmerge',
      UnmergeCustomerConversationsRequest,
      returns<CustomerConversationsMoved>(),
    ),
    exportCustomerData: defineRequest(
      'conversation.privacy.export',
      ConversationCustomerDataRequest,
      returns<ConversationCustomerExport>(),
    ),
    eraseCustomerData: defineRequest(
      'conversation.privacy.erase',
      ConversationCustomerDataRequest,
      returns<ConversationErasure>(),
    ),
    customerConversations: defineRequest(
      'conversation.customer.conversations',
      CustomerConversationsRequest,
      returns<ConversationView[]>(),
    ),
    messageCreated: defineEvent('evt.conversation.message.created.v1', MessageCreated, 'EVENTS'),
    conversationOpened: defineEvent(
      'evt.conversation.conversation.opened.v1',
      ConversationOpened,
      'EVENTS',
    ),
    conversationAssigned: defineEvent(
      'evt.conversation.conversation.assigned.v1',
      ConversationAssigned,
      'EVENTS',
    ),
    conversationUnassigned: defineEvent(
      'evt.conversation.conversation.unassigned.v1',
      ConversationUnassigned,
      'EVENTS',
    ),
    conversationResolved: defineEvent(
      'evt.conversation.conversation.resolved.v1',
      ConversationResolved,
      'EVENTS',
    ),
    conversationRated: defineEvent(
      'evt.conversation.conversation.rated.v1',
      ConversationRated,
      'EVENTS',
    ),
    /** An agent's reply on an email conversation, for connector-email to mail. */
    emailReplyRequested: defineEvent('outbound.email', EmailReplyRequested, 'OUTBOUND'),
    findSocialInbox: defineRequest(
      'conversation.social-inbox.find',
      FindSocialInboxRequest,
      returns<SocialInboxView>(),
    ),
    ...socialReplyRequested,
  },
  social: {
    setTelegramWebhook: defineRequest(
      'connector-social.telegram-webhook.set',
      SetTelegramWebhookRequest,
      returns<SetTelegramWebhookReply>(),
    ),
    getWebhookEndpoint: defineRequest(
      'connector-social.webhook-endpoint.get',
      GetWebhookEndpointRequest,
      returns<WebhookEndpointView>(),
    ),
    deliveryReported: defineEvent(
      'evt.social.delivery.reported.v1',
      SocialDeliveryReported,
      'EVENTS',
    ),
  },
  email: {
    deliveryReported: defineEvent(
      'evt.email.delivery.reported.v1',
      EmailDeliveryReported,
      'EVENTS',
    ),
  },
  web: {
    revokeVisitorSessions: defineRequest(
      'connector-web.visitor-session.revoke',
      RevokeVisitorSessionsRequest,
      returns<RevokeVisitorSessionsReply>(),
    ),
    listOnlineVisitors: defineRequest(
      'connector-web.visitor.list-online',
      ListOnlineVisitorsRequest,
      returns<VisitorView[]>(),
    ),
    visitorTrail: defineRequest(
      'connector-web.visitor.trail',
      VisitorTrailRequest,
      returns<VisitorTrailView>(),
    ),
    sendInvitation: defineRequest(
      'connector-web.invitation.send',
      SendInvitationRequest,
      returns<InvitationView>(),
    ),
    exportVisitorData: defineRequest(
      'connector-web.privacy.export',
      WebVisitorDataRequest,
      returns<WebVisitorExport>(),
    ),
    eraseVisitorData: defineRequest(
      'connector-web.privacy.erase',
      WebVisitorDataRequest,
      returns<ErasedRows>(),
    ),
    visitorVisits: defineRequest(
      'connector-web.visitor.visits',
      VisitorVisitsRequest,
      returns<VisitView[]>(),
    ),
  },
  gateway: {
    getWorkspaceSettings: defineRequest(
      'gateway.workspace.settings.get',
      GetWorkspaceSettingsRequest,
      returns<WorkspaceSettingsView>(),
    ),
    listWorkspaceRetention: defineRequest(
      'gateway.workspace.retention.list',
      ListWorkspaceRetentionRequest,
      returns<WorkspaceRetention[]>(),
    ),
    /** What an API inbox's callback URL made of an agent's reply (its delivery status). */
    apiDeliveryReported: defineEvent(
      'evt.gateway.api.delivery.reported.v1',
      ApiDeliveryReported,
      'EVENTS',
    ),
  },
  routing: {
    authenticateAgent: defineRequest(
      'routing.agent.authenticate',
      AuthenticateAgentRequest,
      returns<AgentView>(),
    ),
    getAgent: defineRequest('routing.agent.get', GetAgentRequest, returns<AgentView>()),
    listAgents: defineRequest('routing.agent.list', WorkspaceScopedRequest, returns<AgentView[]>()),
    updateAgent: defineRequest(
      'routing.agent.update',
      UpdateAgentRequest,
      returns<UpdateAgentReply>(),
    ),
    createAgent: defineRequest(
      'routing.agent.create',
      CreateAgentRequest,
      returns<CreateAgentReply>(),
    ),
    createFirstAdmin: defineRequest(
      'routing.agent.create-first-admin',
      CreateFirstAdminRequest,
      returns<AgentView>(),
    ),
    acceptAgentInvitation: defineRequest(
      'routing.agent.invitation.accept',
      AcceptAgentInvitationRequest,
      returns<AgentView>(),
    ),
    changeAgentPassword: defineRequest(
      'routing.agent.password.change',
      ChangeAgentPasswordRequest,
      returns<AgentView>(),
    ),
    setPresence: defineRequest(
      'routing.agent.presence.set',
      SetAgentPresenceRequest,
      returns<AgentView>(),
    ),
    agentConnection: defineRequest(
      'routing.agent.connection',
      AgentConnectionChangedRequest,
      returns<AgentView>(),
    ),
    gatewayHeartbeat: defineRequest(
      'routing.gateway.heartbeat',
      GatewayHeartbeatRequest,
      returns<GatewayHeartbeatReply>(),
    ),
    listDepartments: defineRequest(
      'routing.department.list',
      WorkspaceScopedRequest,
      returns<DepartmentView[]>(),
    ),
    departmentAvailability: defineRequest(
      'routing.department.availability',
      WorkspaceScopedRequest,
      returns<DepartmentAvailabilityReply>(),
    ),
    updateDepartment: defineRequest(
      'routing.department.update',
      UpdateDepartmentRequest,
      returns<DepartmentView>(),
    ),
    createDepartment: defineRequest(
      'routing.department.create',
      CreateDepartmentRequest,
      returns<DepartmentView>(),
    ),
    deleteDepartment: defineRequest(
      'routing.department.delete',
      DeleteDepartmentRequest,
      returns<DepartmentView>(),
    ),
    liveFigures: defineRequest(
      'routing.live.get',
      WorkspaceScopedRequest,
      returns<LiveFiguresView>(),
    ),
    getQueue: defineRequest('routing.queue.get', GetQueueRequest, returns<QueueEntryView[]>()),
    pick: defineRequest('routing.queue.pick', PickConversationRequest, returns<ConversationView>()),
    transfer: defineRequest(
      'routing.conversation.transfer',
      TransferConversationRequest,
      returns<ConversationView>(),
    ),
    listBusinessHours: defineRequest(
      'routing.business-hours.list',
      WorkspaceScopedRequest,
      returns<BusinessHoursView[]>(),
    ),
    setBusinessHours: defineRequest(
      'routing.business-hours.set',
      SetBusinessHoursRequest,
      returns<BusinessHoursView>(),
    ),
    removeBusinessHours: defineRequest(
      'routing.business-hours.remove',
      RemoveBusinessHoursRequest,
      returns<RemoveBusinessHoursReply>(),
    ),
    listSlaPolicies: defineRequest(
      'routing.sla-policy.list',
      WorkspaceScopedRequest,
      returns<SlaPolicyView[]>(),
    ),
    createSlaPolicy: defineRequest(
      'routing.sla-policy.create',
      CreateSlaPolicyRequest,
      returns<SlaPolicyView>(),
    ),
    updateSlaPolicy: defineRequest(
      'routing.sla-policy.update',
      UpdateSlaPolicyRequest,
      returns<SlaPolicyView>(),
    ),
    removeSlaPolicy: defineRequest(
      'routing.sla-policy.remove',
      RemoveSlaPolicyRequest,
      returns<{ removed: true }>(),
    ),
    listSlaClocks: defineRequest(
      'routing.sla-clock.list',
      ListSlaClocksRequest,
      returns<SlaClockView[]>(),
    ),
    slaStandings: defineRequest(
      'routing.sla-clock.standings',
      SlaStandingsRequest,
      returns<SlaStandingView[]>(),
    ),
    slaAlertingTickets: defineRequest(
      'routing.sla-clock.alerting-tickets',
      SlaAlertingTicketsRequest,
      returns<string[]>(),
    ),
    slaWarned: defineEvent('evt.routing.sla.warned.v1', SlaClockEvent, 'EVENTS'),
    slaBreached: defineEvent('evt.routing.sla.breached.v1', SlaClockEvent, 'EVENTS'),
    slaMet: defineEvent('evt.routing.sla.met.v1', SlaClockEvent, 'EVENTS'),
  },
} as const;
