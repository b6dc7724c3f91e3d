export * from './backpressure';
export * from './close-codes';
export * from './error-frame';
export * from './frame-envelope';
export * from './heartbeat-sweep';
export * from './realtime-subscriptions';
export * from './shared-subscriptions';
export * from './validate-frame';
