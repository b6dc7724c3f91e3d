export * from './subjects';
export * from './common/validators';
export * from './inbound/inbound-message-received';
export * from './crm/resolve-customer';
export * from './conversation/message-created';
