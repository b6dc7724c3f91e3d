import {
  assertBusService,
  deadLetterSubject,
  realtimeSubjectFilter,
  SERVICE_PERMISSIONS,
  SUBJECTS,
  type BusService,
  type HubStream,
  type ServicePermissions,
  type StreamReplay,
} from '@hub/contracts';
import { namespacedDurable, namespacedStream, namespacedSubject } from './namespace';

/** The publish and subscribe allow-lists of one service's NATS user. */
export interface BusPermissions {
  publish: string[];
  subscribe: string[];
  /** Responders may publish once to the reply subject of each request they received. */
  allowResponses: boolean;
}

/**
 * `_INBOX.hub.gateway`: where a service's requests get their replies. Each service has its own
 * inbox prefix, so none may subscribe to the replies meant for another.
 */
export function serviceInboxPrefix(namespace: string, service: BusService): string {
  return `_INBOX.${namespace}.${service}`;
}

/**
 * The streams a service ensures at start and may create or update: those it publishes to or
 * consumes from, and DEAD_LETTERS when it consumes (its consumers post what they give up).
 * Each of them ensures it, so the services start in any order.
 */
export function streamsUsedBy(service: string): HubStream[] {
  const { publishes, consumes } = SERVICE_PERMISSIONS[assertBusService(service)];
  const used = new Set<HubStream>([
    ...publishes.map(({ event }) => event.stream),
    ...consumes.map(({ event }) => event.stream),
    ...consumes.map(() => SUBJECTS.deadLetters.messageDeadLettered.stream),
    ...replaysOf(assertBusService(service)).map(({ stream }) => stream),
  ]);
  return [...used].sort();
}

/** What `service` may publish and subscribe to under `namespace`, from `SERVICE_PERMISSIONS`. */
export function busPermissions(service: BusService, namespace: string): BusPermissions {
  const rules = SERVICE_PERMISSIONS[service];
  const subject = (logical: string): string => namespacedSubject(namespace, logical);
  const streams = streamsUsedBy(service);
  const publish = [
    ...rules.calls.map((request) => subject(request.subject)),
    ...rules.publishes.map((publication) => subject(publication.subject)),
    // Every durable consumer posts the messages it gives up to dlq.<their subject>.
    ...rules.consumes.map(({ event }) => subject(deadLetterSubject(event.subject))),
    ...rules.realtime.publishes.map((audience) => subject(realtimeSubjectFilter(audience))),
    ...(streams.length > 0 ? ['$JS.API.INFO'] : []),
    ...streams.flatMap((stream) => streamApi(namespacedStream(namespace, stream))),
    ...rules.consumes.flatMap(({ durable, event }) =>
      consumerApi(namespacedStream(namespace, event.stream), namespacedDurable(namespace, durable)),
    ),
    ...replaysOf(service).flatMap(({ durable, stream }) =>
      replayApi(namespacedStream(namespace, stream), namespacedDurable(namespace, durable)),
    ),
  ];
  const subscribe = [
    ...rules.serves.map((request) => subject(request.subject)),
    ...rules.realtime.subscribes.map((audience) => subject(realtimeSubjectFilter(audience))),
    `${serviceInboxPrefix(namespace, service)}.>`,
  ];
  return {
    publish: unique(publish),
    subscribe: unique(subscribe),
    allowResponses: rules.serves.length > 0,
  };
}

// Ensuring a stream: look it up, create it, or bring its configuration up to date. No delete
// and no purge: no service may destroy what another has accepted.
function streamApi(stream: string): string[] {
  return ['INFO', 'CREATE', 'UPDATE'].map((verb) => `$JS.API.STREAM.${verb}.${stream}`);
}

// Ensuring one durable (nats.js sends its filter as a last token on create; servers before 2.9,
// which need DURABLE.CREATE, are not supported), pulling from it and acknowledging its
// messages; nothing on any other durable. Reading the stream it consumes lets an ordered
// consumer learn the keys of messages another instance holds unacked.
function consumerApi(stream: string, durable: string): string[] {
  return [
    `$JS.API.STREAM.MSG.GET.${stream}`,
    `$JS.API.CONSUMER.INFO.${stream}.${durable}`,
    `$JS.API.CONSUMER.CREATE.${stream}.${durable}`,
    `$JS.API.CONSUMER.CREATE.${stream}.${durable}.>`,
    `$JS.API.CONSUMER.MSG.NEXT.${stream}.${durable}`,
    `$JS.ACK.${stream}.${durable}.>`,
  ];
}

// A replay's durable is created afresh, read without acks and deleted: its own name only.
function replayApi(stream: string, durable: string): string[] {
  return [
    `$JS.API.CONSUMER.INFO.${stream}.${durable}`,
    `$JS.API.CONSUMER.CREATE.${stream}.${durable}.>`,
    `$JS.API.CONSUMER.MSG.NEXT.${stream}.${durable}`,
    `$JS.API.CONSUMER.DELETE.${stream}.${durable}`,
  ];
}

/** The streams `service` replays in full (a projection's rebuild). */
export function replaysOf(service: BusService): readonly StreamReplay[] {
  return (SERVICE_PERMISSIONS[service] as ServicePermissions).replays ?? [];
}

function unique(subjects: string[]): string[] {
  return [...new Set(subjects)];
}
