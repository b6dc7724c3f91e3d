export * from './rate-limit';
export * from './rate-limit-store';
export * from './rate-limits.module';
export * from './settled-limits';
export * from './shared-counters';
