export * from './conversation-state';
export * from './enums';
