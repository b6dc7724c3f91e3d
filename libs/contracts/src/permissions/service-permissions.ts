import { subjectMatches, type EventContract, type RequestContract } from '../messages/contract';
import { realtimeSubjects } from '../realtime/realtime-subjects';
import type { HubStream } from '../messages/streams';
import { SUBJECTS } from '../subjects';

/** A realtime audience of `realtimeSubjects`: `agent` stands for every `rt.agent.<id>`. */
export type RealtimeAudience = keyof typeof realtimeSubjects;

/** Publishing an event: to its own subject, or to one member of a family (`inbound.web`). */
export interface EventPublication {
  readonly event: EventContract;
  /** The concrete subject (or narrower family) this service publishes; default the event's. */
  readonly subject: string;
}

/** A durable consumer: its logical name (`<service>_<purpose>`) and the event it reads. */
export interface DurableConsumption {
  readonly durable: string;
  readonly event: EventContract;
}

/**
 * A durable a service creates afresh to read a whole stream in order (a projection's rebuild),
 * without acks and deleted afterwards.
 */
export interface StreamReplay {
  readonly durable: string;
  readonly stream: HubStream;
}

/**
 * What one service may do on the bus. The NATS server configuration (one user per service, its
 * publish and subscribe permissions) is generated from this, so a subject missing here is
 * refused by NATS, and a test fails, rather than silently reachable by everyone.
 */
export interface ServicePermissions {
  /** Requests this service answers in its queue group. */
  readonly serves: readonly RequestContract[];
  /** Requests this service sends to other services. */
  readonly calls: readonly RequestContract[];
  readonly publishes: readonly EventPublication[];
  readonly consumes: readonly DurableConsumption[];
  readonly replays?: readonly StreamReplay[];
  readonly realtime: {
    readonly publishes: readonly RealtimeAudience[];
    readonly subscribes: readonly RealtimeAudience[];
  };
}

type ContractGroup = Readonly<Record<string, RequestContract | EventContract>>;

/** Every request of a `SUBJECTS` group: what the group's owner serves, new entries included. */
function requestsOf(group: ContractGroup): RequestContract[] {
  return Object.values(group).filter((c): c is RequestContract => c.kind === 'request');
}

/** Every event of a `SUBJECTS` group: what the group's owner publishes, new entries included. */
function eventsOf(group: ContractGroup): EventPublication[] {
  return Object.values(group)
    .filter((c): c is EventContract => c.kind === 'event')
    .map((event) => ({ event, subject: event.subject }));
}

/** One member of an event family: connector-web publishes `inbound.web`, not all `inbound.*`. */
function publishesAs(event: EventContract, subject: string): EventPublication {
  if (!subjectMatches(event.subject, subject)) {
    throw new Error(`${subject} is not a subject of ${event.subject}`);
  }
  return { event, subject };
}

function durable(name: string, event: EventContract): DurableConsumption {
  return { durable: name, event };
}

const NO_REALTIME = { publishes: [], subscribes: [] } as const;

/**
 * Per service, what it serves, calls, publishes, consumes and fans out. A request is served by
 * the service whose `SUBJECTS` group holds it (derived, so a new request is never unserved);
 * who calls it is listed by hand, and a unit test checks the list against each app's code.
 */
export const SERVICE_PERMISSIONS = {
  gateway: {
    serves: requestsOf(SUBJECTS.gateway),
    calls: [
      SUBJECTS.crm.kpiReport,
      SUBJECTS.crm.busiestHours,
      SUBJECTS.crm.rebuildReports,
      SUBJECTS.crm.getReportRebuild,
      SUBJECTS.conversation.listConversations,
      SUBJECTS.conversation.markConversationRead,
      SUBJECTS.conversation.conversationTags,
      SUBJECTS.conversation.setConversationTag,
      SUBJECTS.conversation.listTags,
      SUBJECTS.conversation.createTag,
      SUBJECTS.conversation.updateTag,
      SUBJECTS.conversation.deleteTag,
      SUBJECTS.conversation.getConversation,
      SUBJECTS.conversation.listMessages,
      SUBJECTS.conversation.sendAgentMessage,
      SUBJECTS.conversation.resolve,
      SUBJECTS.conversation.agentEmailTranscript,
      SUBJECTS.conversation.reopen,
      SUBJECTS.conversation.listCannedResponses,
      SUBJECTS.conversation.createCannedResponse,
      SUBJECTS.conversation.updateCannedResponse,
      SUBJECTS.conversation.deleteCannedResponse,
      SUBJECTS.conversation.listInboxes,
      SUBJECTS.conversation.getInbox,
      SUBJECTS.conversation.createInbox,
      SUBJECTS.conversation.updateInbox,
      SUBJECTS.conversation.deleteInbox,
      SUBJECTS.social.setTelegramWebhook,
      SUBJECTS.social.getWebhookEndpoint,
      SUBJECTS.crm.getCustomer,
      SUBJECTS.crm.searchCustomers,
      SUBJECTS.crm.mergeCustomers,
      SUBJECTS.crm.undoCustomerMerge,
      SUBJECTS.crm.createCustomer,
      SUBJECTS.crm.updateCustomer,
      SUBJECTS.crm.addIdentity,
      SUBJECTS.crm.removeIdentity,
      SUBJECTS.crm.listLinkSuggestions,
      SUBJECTS.crm.decideLinkSuggestion,
      SUBJECTS.crm.defineAttribute,
      SUBJECTS.crm.updateAttribute,
      SUBJECTS.crm.deleteAttribute,
      SUBJECTS.crm.listAttributes,
      SUBJECTS.crm.putOrder,
      SUBJECTS.crm.listOrders,
      SUBJECTS.crm.addNote,
      SUBJECTS.crm.listNotes,
      SUBJECTS.crm.customerTimeline,
      SUBJECTS.routing.authenticateAgent,
      SUBJECTS.routing.getAgent,
      SUBJECTS.routing.listAgents,
      SUBJECTS.routing.setPresence,
      SUBJECTS.routing.agentConnection,
      SUBJECTS.routing.gatewayHeartbeat,
      SUBJECTS.routing.listDepartments,
      SUBJECTS.routing.getQueue,
      SUBJECTS.routing.pick,
      SUBJECTS.routing.transfer,
      SUBJECTS.routing.updateAgent,
      SUBJECTS.routing.createAgent,
      SUBJECTS.routing.createFirstAdmin,
      SUBJECTS.routing.acceptAgentInvitation,
      SUBJECTS.routing.changeAgentPassword,
      SUBJECTS.routing.listBusinessHours,
      SUBJECTS.routing.setBusinessHours,
      SUBJECTS.routing.removeBusinessHours,
      SUBJECTS.routing.listSlaPolicies,
      SUBJECTS.routing.createSlaPolicy,
      SUBJECTS.routing.updateSlaPolicy,
      SUBJECTS.routing.removeSlaPolicy,
      SUBJECTS.routing.listSlaClocks,
      SUBJECTS.routing.slaStandings,
      SUBJECTS.routing.slaAlertingTickets,
      SUBJECTS.routing.updateDepartment,
      SUBJECTS.routing.createDepartment,
      SUBJECTS.routing.deleteDepartment,
      SUBJECTS.routing.liveFigures,
      SUBJECTS.web.revokeVisitorSessions,
      SUBJECTS.conversation.registerFile,
      SUBJECTS.conversation.getFile,
      SUBJECTS.web.listOnlineVisitors,
      SUBJECTS.web.visitorTrail,
      SUBJECTS.web.sendInvitation,
      SUBJECTS.crm.createTicket,
      SUBJECTS.crm.getTicket,
      SUBJECTS.crm.searchTickets,
      SUBJECTS.crm.updateTicket,
      SUBJECTS.crm.linkTicketConversation,
      SUBJECTS.crm.unlinkTicketConversation,
      SUBJECTS.crm.ticketHistory,
      SUBJECTS.crm.createTicketReminder,
      SUBJECTS.crm.listTicketReminders,
      SUBJECTS.crm.cancelTicketReminder,
      SUBJECTS.crm.listTicketCategories,
      SUBJECTS.crm.createTicketCategory,
      SUBJECTS.crm.renameTicketCategory,
      SUBJECTS.crm.deleteTicketCategory,
      SUBJECTS.crm.exportCustomerData,
      SUBJECTS.crm.eraseCustomerData,
      SUBJECTS.conversation.exportCustomerData,
      SUBJECTS.conversation.eraseCustomerData,
      SUBJECTS.web.exportVisitorData,
      SUBJECTS.web.eraseVisitorData,
      // API inboxes: their signing secret and callback URL.
      SUBJECTS.conversation.getInbox,
    ],
    // The API channel's door (integrators' messages).
    publishes: [
      publishesAs(SUBJECTS.inbound.messageReceived, 'inbound.api'),
      ...eventsOf(SUBJECTS.gateway),
    ],
    // Outbound webhooks: the public events' sources.
    consumes: [
      durable('gateway_webhooks_opened', SUBJECTS.conversation.conversationOpened),
      durable('gateway_webhooks_assigned', SUBJECTS.conversation.conversationAssigned),
      durable('gateway_webhooks_resolved', SUBJECTS.conversation.conversationResolved),
      durable('gateway_webhooks_messages', SUBJECTS.conversation.messageCreated),
      durable('gateway_webhooks_tickets', SUBJECTS.crm.ticketChanged),
      durable('gateway_webhooks_customers', SUBJECTS.crm.customerChanged),
    ],
    // agent: a note written on a conversation is told to its assignee (conversation.note);
    // onlookers: and to those watching the conversation, whose stored messages come there too.
    realtime: {
      publishes: ['agent', 'conversation', 'onlookers'],
      subscribes: ['agent', 'conversation', 'workspace', 'onlookers'],
    },
  },
  'connector-web': {
    serves: requestsOf(SUBJECTS.web),
    calls: [
      SUBJECTS.conversation.getInbox,
      SUBJECTS.conversation.visitorHistory,
      SUBJECTS.conversation.submitCsat,
      SUBJECTS.conversation.recordVisitorReceipt,
      SUBJECTS.conversation.emailTranscript,
      SUBJECTS.routing.getQueue,
      SUBJECTS.routing.listDepartments,
      SUBJECTS.routing.getAgent,
      SUBJECTS.conversation.registerFile,
      SUBJECTS.conversation.getFile,
      SUBJECTS.conversation.getUploadLimit,
      SUBJECTS.routing.departmentAvailability,
      SUBJECTS.gateway.getWorkspaceSettings,
      SUBJECTS.crm.identifyCustomer,
      SUBJECTS.crm.recordVisitorProfile,
      SUBJECTS.crm.createTicketFromOfflineMessage,
      SUBJECTS.conversation.openOfflineMessageConversation,
      SUBJECTS.conversation.visitorSummaries,
      SUBJECTS.conversation.acceptInvitation,
      SUBJECTS.gateway.listWorkspaceRetention,
    ],
    publishes: [publishesAs(SUBJECTS.inbound.messageReceived, 'inbound.web')],
    consumes: [durable('connector_web_dead_letters', SUBJECTS.deadLetters.messageDeadLettered)],
    // message.failed goes to the visitor's subject: the socket may be on another replica.
    // agentChanges: the assignee's name and avatar shown to visitors are cached until it changes.
    // Live visitors and invitations go to the workspace's agents.
    realtime: {
      publishes: ['conversation', 'visitor', 'workspace'],
      subscribes: ['visitor', 'conversation', 'agentChanges'],
    },
  },
  'connector-email': {
    serves: [],
    // Mail attachments are stored through @hub/storage, whose file links and serving come along.
    calls: [
      SUBJECTS.conversation.findEmailInbox,
      SUBJECTS.conversation.listPolledEmailInboxes,
      SUBJECTS.conversation.getInbox,
      SUBJECTS.conversation.registerFile,
      SUBJECTS.conversation.getFile,
    ],
    publishes: [
      publishesAs(SUBJECTS.inbound.messageReceived, 'inbound.email'),
      ...eventsOf(SUBJECTS.email),
    ],
    consumes: [durable('connector_email_replies', SUBJECTS.conversation.emailReplyRequested)],
    realtime: NO_REALTIME,
  },
  'connector-social': {
    serves: requestsOf(SUBJECTS.social),
    // Platform media is stored through @hub/storage, whose file links and serving come along.
    calls: [
      SUBJECTS.conversation.findSocialInbox,
      SUBJECTS.conversation.registerFile,
      SUBJECTS.conversation.getFile,
    ],
    publishes: [
      publishesAs(SUBJECTS.inbound.messageReceived, 'inbound.messenger'),
      publishesAs(SUBJECTS.inbound.messageReceived, 'inbound.instagram'),
      publishesAs(SUBJECTS.inbound.messageReceived, 'inbound.whatsapp'),
      publishesAs(SUBJECTS.inbound.messageReceived, 'inbound.telegram'),
      publishesAs(SUBJECTS.inbound.messageReceived, 'inbound.line'),
      ...eventsOf(SUBJECTS.social),
    ],
    consumes: [
      durable('connector_social_messenger_replies', SUBJECTS.conversation.messengerReplyRequested),
      durable('connector_social_instagram_replies', SUBJECTS.conversation.instagramReplyRequested),
      durable('connector_social_whatsapp_replies', SUBJECTS.conversation.whatsappReplyRequested),
      durable('connector_social_telegram_replies', SUBJECTS.conversation.telegramReplyRequested),
      durable('connector_social_line_replies', SUBJECTS.conversation.lineReplyRequested),
    ],
    realtime: NO_REALTIME,
  },
  conversation: {
    serves: requestsOf(SUBJECTS.conversation),
    calls: [
      SUBJECTS.crm.resolveCustomer,
      SUBJECTS.crm.resolveCustomers,
      SUBJECTS.routing.getAgent,
      SUBJECTS.gateway.getWorkspaceSettings,
      SUBJECTS.gateway.listWorkspaceRetention,
    ],
    publishes: eventsOf(SUBJECTS.conversation),
    consumes: [
      durable('conversation_inbound', SUBJECTS.inbound.messageReceived),
      durable('conversation_email_delivery', SUBJECTS.email.deliveryReported),
      durable('conversation_api_delivery', SUBJECTS.gateway.apiDeliveryReported),
      durable('conversation_social_delivery', SUBJECTS.social.deliveryReported),
    ],
    // onlookers: every stored message, for supervisors watching the conversation.
    realtime: {
      publishes: ['agent', 'visitor', 'workspace', 'onlookers'],
      subscribes: ['agentChanges'],
    },
  },
  routing: {
    serves: requestsOf(SUBJECTS.routing),
    calls: [
      SUBJECTS.conversation.getConversation,
      SUBJECTS.conversation.assign,
      SUBJECTS.conversation.unassign,
      SUBJECTS.crm.getCustomer,
    ],
    publishes: eventsOf(SUBJECTS.routing),
    consumes: [
      durable('routing_opened', SUBJECTS.conversation.conversationOpened),
      durable('routing_resolved', SUBJECTS.conversation.conversationResolved),
      durable('routing_messages', SUBJECTS.conversation.messageCreated),
      durable('routing_sla_opened', SUBJECTS.conversation.conversationOpened),
      durable('routing_sla_assigned', SUBJECTS.conversation.conversationAssigned),
      durable('routing_sla_resolved', SUBJECTS.conversation.conversationResolved),
      durable('routing_sla_tickets', SUBJECTS.crm.ticketChanged),
      durable('routing_ticket_priorities', SUBJECTS.crm.ticketChanged),
    ],
    realtime: {
      publishes: ['conversation', 'workspace', 'agentChanges', 'agent'],
      subscribes: [],
    },
  },
  crm: {
    serves: requestsOf(SUBJECTS.crm),
    calls: [
      // The reopen window of a workspace (a customer message reopening a solved ticket).
      SUBJECTS.gateway.getWorkspaceSettings,
      SUBJECTS.conversation.mergeCustomerConversations,
      SUBJECTS.conversation.unmergeCustomerConversations,
      SUBJECTS.conversation.customerConversations,
      SUBJECTS.web.visitorVisits,
    ],
    publishes: eventsOf(SUBJECTS.crm),
    consumes: [
      // Every stored message, read once: a customer's reopens their solved ticket, an agent's
      // reply is a report fact (apps/crm/src/messages).
      durable('crm_messages', SUBJECTS.conversation.messageCreated),
      // The reports' projection, one durable per event (apps/crm/src/reports/report-facts.ts).
      durable('crm_reports_opened', SUBJECTS.conversation.conversationOpened),
      durable('crm_reports_assigned', SUBJECTS.conversation.conversationAssigned),
      durable('crm_reports_unassigned', SUBJECTS.conversation.conversationUnassigned),
      durable('crm_reports_resolved', SUBJECTS.conversation.conversationResolved),
      durable('crm_reports_rated', SUBJECTS.conversation.conversationRated),
      durable('crm_reports_tickets', SUBJECTS.crm.ticketChanged),
      durable('crm_reports_sla_warned', SUBJECTS.routing.slaWarned),
      durable('crm_reports_sla_breached', SUBJECTS.routing.slaBreached),
      durable('crm_reports_sla_met', SUBJECTS.routing.slaMet),
    ],
    replays: [{ durable: 'crm_reports_replay', stream: 'EVENTS' }],
    // Due ticket reminders reach the assignee's sockets.
    realtime: { publishes: ['agent'], subscribes: [] },
  },
} as const satisfies Record<string, ServicePermissions>;

/** A service with a NATS identity: `gateway`, `conversation`... */
export type BusService = keyof typeof SERVICE_PERMISSIONS;

/** The services in the order of {@link SERVICE_PERMISSIONS}. */
export const BUS_SERVICES = Object.keys(SERVICE_PERMISSIONS) as BusService[];

/** `rt.agent.*` for `agent`: every subject of one realtime audience. */
export function realtimeSubjectFilter(audience: RealtimeAudience): string {
  return realtimeSubjects[audience]('*');
}

/** `name` as a {@link BusService}; throws for a service the permission table does not know. */
export function assertBusService(name: string): BusService {
  if (!(BUS_SERVICES as string[]).includes(name)) {
    throw new Error(`"${name}" has no entry in SERVICE_PERMISSIONS (libs/contracts)`);
  }
  return name as BusService;
}
