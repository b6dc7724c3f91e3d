/**
 * Every NATS subject the hub uses, before namespacing (the messaging layer prefixes each with
 * `HUB_NAMESPACE`). Requests are `<service>.<entity>.<verb>` on core NATS, answered by the
 * owning service's queue group; events are `evt.<service>.<entity>.<past-tense>.v<N>` on the
 * EVENTS stream; customer messages a connector accepted are `inbound.<channel>` on INBOUND.
 * Realtime fan-out subjects are in `realtimeSubjects`.
 */
export const SUBJECTS = {
  inbound: {
    /** Any channel: `inbound.web`, `inbound.email`, ... (use {@link inboundSubject}). */
    all: 'inbound.>',
  },
  crm: {
    resolveCustomer: 'crm.customer.resolve',
    getCustomer: 'crm.customer.get',
    searchCustomers: 'crm.customer.search',
  },
  conversation: {
    listConversations: 'conversation.conversation.list',
    getConversation: 'conversation.conversation.get',
    assign: 'conversation.conversation.assign',
    unassign: 'conversation.conversation.unassign',
    resolve: 'conversation.conversation.resolve',
    reopen: 'conversation.conversation.reopen',
    listMessages: 'conversation.message.list',
    sendAgentMessage: 'conversation.message.send',
    visitorHistory: 'conversation.visitor.history',
    getInbox: 'conversation.inbox.get',
    listCannedResponses: 'conversation.canned-response.list',
    messageCreated: 'evt.conversation.message.created.v1',
    conversationOpened: 'evt.conversation.conversation.opened.v1',
    conversationAssigned: 'evt.conversation.conversation.assigned.v1',
    conversationUnassigned: 'evt.conversation.conversation.unassigned.v1',
    conversationResolved: 'evt.conversation.conversation.resolved.v1',
    /** All conversation events, for consumers that follow the lifecycle. */
    allEvents: 'evt.conversation.>',
  },
  routing: {
    authenticateAgent: 'routing.agent.authenticate',
    getAgent: 'routing.agent.get',
    listAgents: 'routing.agent.list',
    setPresence: 'routing.agent.presence.set',
    agentConnection: 'routing.agent.connection',
    gatewayHeartbeat: 'routing.gateway.heartbeat',
    listDepartments: 'routing.department.list',
    getQueue: 'routing.queue.get',
    pick: 'routing.queue.pick',
    transfer: 'routing.conversation.transfer',
  },
} as const;

export function inboundSubject(channel: string): string {
  return `inbound.${channel}`;
}
