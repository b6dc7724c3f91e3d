export * from './agent-view';
export * from './conversation-view';
export * from './customer-view';
export * from './inbox-view';
export * from './message-view';
export * from './file-view';
export * from './ticket-view';
export * from './live-figures-view';
