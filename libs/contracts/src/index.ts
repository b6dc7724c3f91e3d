// class-transformer's @Type and class-validator read decorator metadata.
import 'reflect-metadata';

export * from './messages/streams';
export * from './messages/contract';
export * from './messages/catalogue';
export * from './subjects';
export * from './errors/error-codes';
export * from './common/actor';
export * from './common/validators';
export * from './inbound/inbound-message-received';
export * from './crm/resolve-customer';
export * from './crm/customer-requests';
export * from './conversation/message-created';
export * from './conversation/conversation-requests';
export * from './conversation/conversation-lifecycle-events';
export * from './conversation/visitor-history-reply';
export * from './routing/routing-requests';
export * from './routing/gateway-heartbeat-reply';
export * from './realtime/realtime-subjects';
export * from './realtime/realtime-event';
export * from './views';
