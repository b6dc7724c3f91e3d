export * from './agent-view';
export * from './conversation-view';
export * from './customer-view';
export * from './message-view';
