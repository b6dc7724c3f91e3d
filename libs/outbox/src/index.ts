export * from './outbox';
export * from './outbox-event.entity';
export * from './outbox.module';
