export * from './namespace';
export * from './connect-nats';
export * from './streams';
export * from './publisher';
export * from './validate-payload';
export * from './validation-metadata-cache';
export type { DeliveryMeta, MessageHandler } from './process-delivery';
export {
  defaultRetryDelayMs,
  RetryLaterError,
  UnprocessableMessageError,
} from './process-delivery';
export * from './durable-consumer';
export type { NatsConnection } from '@nats-io/transport-node';
export * from './bus-permissions';
export * from './nats-authorization';
export * from './nats-identity';
export * from './bus-permission-table';
export * from './stream-replay';
