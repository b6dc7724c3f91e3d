export * from './namespace';
export * from './connect-nats';
export * from './streams';
export * from './publisher';
export * from './validate-payload';
export type { DeliveryMeta, MessageHandler } from './process-delivery';
export { defaultRetryDelayMs, UnprocessableMessageError } from './process-delivery';
export * from './durable-consumer';
export type { NatsConnection } from '@nats-io/transport-node';
