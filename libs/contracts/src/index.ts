// class-transformer's @Type and class-validator read decorator metadata.
import 'reflect-metadata';
export * from './subjects';
export * from './common/validators';
export * from './inbound/inbound-message-received';
export * from './crm/resolve-customer';
export * from './conversation/message-created';
