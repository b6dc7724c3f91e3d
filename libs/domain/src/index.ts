export * from './conversation-state';
export * from './enums';
export * from './ticket-workflow';
