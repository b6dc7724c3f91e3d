/**
 * Every NATS subject the hub uses, before namespacing (the messaging layer prefixes each with
 * `HUB_NAMESPACE`). Requests are `<service>.<entity>.<verb>` on core NATS; events are
 * `evt.<aggregate>.<entity>.<past-tense>.v<N>` on the EVENTS stream; customer messages accepted
 * by a connector are `inbound.<channel>` on the INBOUND stream.
 */
export const SUBJECTS = {
  inbound: {
    /** Any channel: `inbound.web`, `inbound.email`, ... (use {@link inboundSubject}). */
    all: 'inbound.>',
  },
  crm: {
    resolveCustomer: 'crm.customer.resolve',
  },
  conversation: {
    messageCreated: 'evt.conversation.message.created.v1',
  },
} as const;

export function inboundSubject(channel: string): string {
  return `inbound.${channel}`;
}
