import { IsString } from 'class-validator';
import { SUBJECTS } from '../subjects';
import type { ConversationView } from '../views/conversation-view';
import { ALL_CONTRACTS, EVENT_CONTRACTS, eventContractOf } from './catalogue';
import {
  defineEvent,
  defineRequest,
  returns,
  subjectMatches,
  type PayloadOf,
  type ReplyOf,
} from './contract';
import { STREAM_SUBJECTS } from './streams';

class Sample {
  @IsString() channel!: string;
}

describe('defineRequest', () => {
  it('ties a subject to its payload class', () => {
    const request = defineRequest('sample.thing.get', Sample, returns<ConversationView>());

    expect(request).toMatchObject({
      kind: 'request',
      subject: 'sample.thing.get',
      payload: Sample,
    });
  });

  it('refuses a wildcard or empty-token subject: a request goes to one subject', () => {
    expect(() => defineRequest('sample.*.get', Sample, returns<string>())).toThrow(
      'not a concrete subject',
    );
    expect(() => defineRequest('sample..get', Sample, returns<string>())).toThrow(
      'not a concrete subject',
    );
  });
});

describe('defineEvent', () => {
  it('publishes a single-subject event on its subject', () => {
    const event = defineEvent('evt.sample.thing.done.v1', Sample, 'EVENTS');

    expect(event.subjectOf({ channel: 'web' })).toBe('evt.sample.thing.done.v1');
  });

  it('publishes an event of a family on the subject its payload names', () => {
    const family = defineEvent('inbound.*', Sample, 'INBOUND', (m) => `inbound.${m.channel}`);

    expect(family.subjectOf({ channel: 'email' })).toBe('inbound.email');
  });

  it('refuses to publish a family event outside the family or on a wildcard', () => {
    const family = defineEvent('inbound.*', Sample, 'INBOUND', (m) => m.channel);

    expect(() => family.subjectOf({ channel: 'evt.sample' })).toThrow(
      'evt.sample is not a subject of inbound.*',
    );
    expect(() => family.subjectOf({ channel: 'inbound.*' })).toThrow('is not a subject of');
  });

  it('refuses a subject outside its stream, at compile time and at definition', () => {
    expect(() =>
      // @ts-expect-error: an EVENTS subject starts with `evt.`
      defineEvent('outbound.web', Sample, 'EVENTS'),
    ).toThrow('event outbound.web is outside the EVENTS stream (evt.>)');
  });

  it('refuses a wildcard subject without the function that makes it concrete', () => {
    expect(() => defineEvent('inbound.*', Sample, 'INBOUND')).toThrow('not a concrete subject');
  });
});

describe('subjectMatches', () => {
  it.each([
    ['inbound.>', 'inbound.web', true],
    ['inbound.>', 'inbound.web.extra', true],
    ['inbound.>', 'inbound', false],
    ['inbound.>', 'inbound.*', true],
    ['inbound.*', 'inbound.web', true],
    ['inbound.*', 'inbound.web.extra', false],
    ['inbound.*', 'inbound.>', false],
    ['evt.>', 'inbound.web', false],
    ['evt.a.b', 'evt.a.b', true],
    ['evt.a.b', 'evt.a', false],
    ['evt.a', 'evt.a.b', false],
  ])('%s matches %s: %s', (filter, subject, expected) => {
    expect(subjectMatches(filter, subject)).toBe(expected);
  });
});

describe('the SUBJECTS catalogue', () => {
  const subjects = ALL_CONTRACTS.map((contract) => contract.subject);

  it('names every subject once', () => {
    expect(subjects.filter((subject, i) => subjects.indexOf(subject) !== i)).toEqual([]);
  });

  it('names requests <service>.<entity>.<verb> outside every stream', () => {
    const requests = ALL_CONTRACTS.filter((contract) => contract.kind === 'request');

    expect(requests.length).toBeGreaterThan(0);
    for (const { subject } of requests) {
      expect(subject).toMatch(
        /^(conversation|crm|routing|connector-web|connector-social|gateway)\.[a-z-]+(\.[a-z-]+)+$/,
      );
      for (const filter of Object.values(STREAM_SUBJECTS))
        expect({ subject, stored: subjectMatches(filter, subject) }).toEqual({
          subject,
          stored: false,
        });
    }
  });

  it('versions every fact on EVENTS and keeps every event inside its stream', () => {
    for (const { subject, stream } of EVENT_CONTRACTS) {
      expect({ subject, inStream: subjectMatches(STREAM_SUBJECTS[stream], subject) }).toEqual({
        subject,
        inStream: true,
      });
      if (stream === 'EVENTS') expect(subject).toMatch(/^evt\.[a-z-]+(\.[a-z-]+)+\.v\d+$/);
    }
  });

  it('finds the event a stored subject belongs to, families included', () => {
    expect(eventContractOf('inbound.web')).toBe(SUBJECTS.inbound.messageReceived);
    expect(eventContractOf('evt.conversation.message.created.v1')).toBe(
      SUBJECTS.conversation.messageCreated,
    );
    expect(eventContractOf('evt.conversation.message.created.v2')).toBeUndefined();
    expect(eventContractOf('crm.customer.get')).toBeUndefined();
  });
});

// Compile-time checks, run by `npm run typecheck` (never called): each line under an
// expect-error directive is a wrong pairing that must not compile.
export function contractTypesAreTied(): void {
  const view: ReplyOf<typeof SUBJECTS.conversation.getConversation> = {} as ConversationView;
  const payload: PayloadOf<typeof SUBJECTS.crm.getCustomer> = { workspaceId: '', customerId: '' };
  // @ts-expect-error: the reply of crm.customer.get is a CustomerView, not a ConversationView
  const wrongReply: ConversationView = {} as ReplyOf<typeof SUBJECTS.crm.getCustomer>;
  // @ts-expect-error: crm.customer.get's payload has no `query`
  const wrongPayload: PayloadOf<typeof SUBJECTS.crm.getCustomer> = { workspaceId: '', query: '' };
  // @ts-expect-error: an event has no reply
  const noReply: ReplyOf<typeof SUBJECTS.conversation.messageCreated> = {} as ConversationView;
  void [view, payload, wrongReply, wrongPayload, noReply];
}
