import type { HubStream, StreamSubject } from './streams';
import { STREAM_SUBJECTS } from './streams';

/** A class-validator payload class: the consumer validates with the class the producer used. */
export type PayloadClass<P extends object> = new () => P;

declare const replyType: unique symbol;

/** Carries a request's reply type; it has no runtime content (see {@link returns}). */
export interface ReplyType<R> {
  readonly [replyType]?: R;
}

/** The reply type of a request, for {@link defineRequest}: `returns<CustomerView[]>()`. */
export function returns<R>(): ReplyType<R> {
  return {};
}

/** A core NATS request answered by the owning service's queue group. */
export interface RequestContract<
  S extends string = string,
  P extends object = object,
  R = unknown,
> {
  readonly kind: 'request';
  readonly subject: S;
  readonly payload: PayloadClass<P>;
  readonly reply: ReplyType<R>;
}

/**
 * A fact stored on a JetStream stream. `subject` is where it is consumed from: one subject, or
 * for a family (`inbound.*`, one subject per channel) the wildcard matching all of them, in
 * which case `subjectOf` says where one payload is published.
 */
export interface EventContract<
  S extends string = string,
  P extends object = object,
  St extends HubStream = HubStream,
> {
  readonly kind: 'event';
  readonly subject: S;
  readonly payload: PayloadClass<P>;
  readonly stream: St;
  subjectOf(payload: P): string;
}

/** The payload type of a request or event contract. */
export type PayloadOf<C> = C extends { payload: PayloadClass<infer P> } ? P : never;

/** The reply type of a request contract. */
export type ReplyOf<C> = C extends RequestContract<string, object, infer R> ? R : never;

/** `crm.customer.resolve` answered with `ResolveCustomerReply`: request and reply tied to the subject. */
export function defineRequest<S extends string, P extends object, R>(
  subject: S,
  payload: PayloadClass<P>,
  reply: ReplyType<R>,
): RequestContract<S, P, R> {
  assertConcrete(subject);
  return { kind: 'request', subject, payload, reply };
}

/**
 * A fact on `stream`; its subject must lie inside the stream's filter (checked by the compiler
 * and at definition). A wildcard subject needs `subjectOf`, the concrete subject of one payload.
 */
export function defineEvent<St extends HubStream, S extends StreamSubject<St>, P extends object>(
  subject: S,
  payload: PayloadClass<P>,
  stream: St,
  subjectOf?: (payload: P) => string,
): EventContract<S, P, St> {
  if (!subjectMatches(STREAM_SUBJECTS[stream], subject)) {
    throw new Error(
      `event ${subject} is outside the ${stream} stream (${STREAM_SUBJECTS[stream]})`,
    );
  }
  if (!subjectOf) assertConcrete(subject);
  const concreteSubjectOf = (value: P): string => {
    const concrete = subjectOf ? subjectOf(value) : subject;
    // A family's subject must stay inside the family, or no consumer of it would see the fact.
    if (!subjectMatches(subject, concrete) || isWildcard(concrete)) {
      throw new Error(`${concrete} is not a subject of ${subject}`);
    }
    return concrete;
  };
  return { kind: 'event', subject, payload, stream, subjectOf: concreteSubjectOf };
}

/**
 * NATS subject matching: `*` matches one token, a final `>` one or more. A wildcard `subject`
 * matches when every subject it stands for matches `filter` (`inbound.*` within `inbound.>`).
 */
export function subjectMatches(filter: string, subject: string): boolean {
  const filterTokens = filter.split('.');
  const subjectTokens = subject.split('.');
  for (let i = 0; i < filterTokens.length; i += 1) {
    const token = filterTokens[i];
    if (token === '>') return i === filterTokens.length - 1 && subjectTokens.length > i;
    const actual = subjectTokens[i];
    if (actual === undefined || actual === '>') return false;
    if (token !== '*' && token !== actual) return false;
  }
  return subjectTokens.length === filterTokens.length;
}

function isWildcard(subject: string): boolean {
  return subject.split('.').some((token) => token === '*' || token === '>');
}

function assertConcrete(subject: string): void {
  if (isWildcard(subject) || subject.split('.').some((token) => token === '')) {
    throw new Error(`"${subject}" is not a concrete subject`);
  }
}
