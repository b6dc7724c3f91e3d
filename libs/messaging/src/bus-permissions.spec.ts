import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { HUB_SERVICES } from '@hub/config';
import {
  ALL_CONTRACTS,
  BUS_SERVICES,
  SERVICE_PERMISSIONS,
  SUBJECTS,
  type BusService,
} from '@hub/contracts';
import { busPermissionTable } from './bus-permission-table';
import { busPermissions, replaysOf, streamsUsedBy } from './bus-permissions';
import { natsAuthorizationConfig } from './nats-authorization';

const ROOT = path.resolve(__dirname, '../../..');

/** The non-test sources under `dir`. */
function sourcesIn(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
    .map((file) => readFileSync(path.join(dir, file), 'utf8'))
    .join('\n');
}

// Libraries holding feature code several apps run (uploads and file links): what they send on
// the bus is sent by each app that imports them.
const FEATURE_LIBS = ['storage', 'workspace-masking'];

/** The non-test sources of one app, with those of the feature libraries it imports. */
function appSources(service: BusService): string {
  const own = sourcesIn(path.join(ROOT, 'apps', service, 'src'));
  const libs = FEATURE_LIBS.filter((lib) => own.includes(`from '@hub/${lib}'`));
  return [own, ...libs.map((lib) => sourcesIn(path.join(ROOT, 'libs', lib, 'src')))].join('\n');
}

/** `SUBJECTS.crm.getCustomer` mentions in `source`, as the contracts they name. */
function contractsNamedIn(source: string): Set<(typeof ALL_CONTRACTS)[number]> {
  const groups = SUBJECTS as unknown as Record<
    string,
    Record<string, (typeof ALL_CONTRACTS)[number]>
  >;
  const named = [...source.matchAll(/SUBJECTS\.(\w+)\.(\w+)/g)].map(
    ([, group, name]) => groups[group]?.[name],
  );
  return new Set(named.filter((contract) => contract !== undefined));
}

describe('SERVICE_PERMISSIONS', () => {
  it('gives every hub service a NATS user', () => {
    expect([...BUS_SERVICES].sort()).toEqual(HUB_SERVICES.map(({ name }) => name).sort());
  });

  it('has exactly one service serving every request', () => {
    for (const contract of ALL_CONTRACTS.filter((c) => c.kind === 'request')) {
      const servers = BUS_SERVICES.filter((s) =>
        (SERVICE_PERMISSIONS[s].serves as readonly unknown[]).includes(contract),
      );
      expect({ subject: contract.subject, servers: servers.length }).toEqual({
        subject: contract.subject,
        servers: 1,
      });
    }
  });

  it.each(BUS_SERVICES)(
    'lists exactly the requests, events, durables and realtime audiences the %s code uses',
    (service) => {
      const source = appSources(service);
      const rules = SERVICE_PERMISSIONS[service];
      const named = contractsNamedIn(source);
      const requests = [...named].filter((c) => c.kind === 'request').map((c) => c.subject);
      const allowedRequests = [...rules.serves, ...rules.calls].map((c) => c.subject);
      expect(new Set(requests)).toEqual(new Set(allowedRequests));

      const events = [...named].filter((c) => c.kind === 'event').map((c) => c.subject);
      const allowedEvents = [
        ...rules.publishes.map(({ event }) => event.subject),
        ...rules.consumes.map(({ event }) => event.subject),
      ];
      expect(new Set(events)).toEqual(new Set(allowedEvents));

      const durables = [...source.matchAll(/durable: '(\w+)'/g)].map(([, durable]) => durable);
      const allowedDurables = [...rules.consumes, ...replaysOf(service)].map((d) => d.durable);
      expect(new Set(durables)).toEqual(new Set(allowedDurables));

      const audiences = [...source.matchAll(/realtimeSubjects\.(\w+)/g)].map(([, a]) => a);
      expect(new Set(audiences)).toEqual(
        new Set([...rules.realtime.publishes, ...rules.realtime.subscribes]),
      );
    },
  );
});

describe('busPermissions', () => {
  it('limits connector-web to its requests (made and answered), its inbound channel, its realtime audiences and its replies', () => {
    expect(busPermissions('connector-web', 'hub')).toEqual({
      publish: [
        'hub.conversation.inbox.get',
        'hub.conversation.visitor.history',
        'hub.conversation.csat.submit',
        'hub.conversation.visitor-receipt.record',
        'hub.conversation.transcript.email',
        'hub.routing.queue.get',
        'hub.routing.department.list',
        'hub.routing.agent.get',
        'hub.conversation.file.register',
        'hub.conversation.file.get',
        'hub.conversation.file.upload-limit',
        'hub.routing.department.availability',
        'hub.gateway.workspace.settings.get',
        'hub.crm.customer.identify',
        'hub.crm.customer.profile.record',
        'hub.crm.ticket.create-from-offline-message',
        'hub.conversation.offline-message.open-email',
        'hub.conversation.visitor.summaries',
        'hub.conversation.invitation.accept',
        'hub.gateway.workspace.retention.list',
        'hub.inbound.web',
        'hub.dlq.dlq.>',
        'hub.rt.conversation.*',
        'hub.rt.visitor.*',
        'hub.rt.workspace.*',
        '$JS.API.INFO',
        '$JS.API.STREAM.INFO.HUB_DEAD_LETTERS',
        '$JS.API.STREAM.CREATE.HUB_DEAD_LETTERS',
        '$JS.API.STREAM.UPDATE.HUB_DEAD_LETTERS',
        '$JS.API.STREAM.INFO.HUB_INBOUND',
        '$JS.API.STREAM.CREATE.HUB_INBOUND',
        '$JS.API.STREAM.UPDATE.HUB_INBOUND',
        '$JS.API.STREAM.MSG.GET.HUB_DEAD_LETTERS',
        '$JS.API.CONSUMER.INFO.HUB_DEAD_LETTERS.hub_connector_web_dead_letters',
        '$JS.API.CONSUMER.CREATE.HUB_DEAD_LETTERS.hub_connector_web_dead_letters',
        '$JS.API.CONSUMER.CREATE.HUB_DEAD_LETTERS.hub_connector_web_dead_letters.>',
        '$JS.API.CONSUMER.MSG.NEXT.HUB_DEAD_LETTERS.hub_connector_web_dead_letters',
        '$JS.ACK.HUB_DEAD_LETTERS.hub_connector_web_dead_letters.>',
      ],
      subscribe: [
        'hub.connector-web.visitor-session.revoke',
        'hub.connector-web.visitor.list-online',
        'hub.connector-web.visitor.trail',
        'hub.connector-web.invitation.send',
        'hub.connector-web.privacy.export',
        'hub.connector-web.privacy.erase',
        'hub.connector-web.visitor.visits',
        'hub.rt.visitor.*',
        'hub.rt.conversation.*',
        'hub.rt.routing.agent.changed',
        '_INBOX.hub.connector-web.>',
      ],
      allowResponses: true,
    });
  });

  it('lets conversation, and no other service, ask crm to resolve customers one by one or many at once', () => {
    const askers = BUS_SERVICES.filter((service) =>
      busPermissions(service, 'hub').publish.includes('hub.crm.customer.resolve-many'),
    );
    expect(askers).toEqual(['conversation']);
    expect(busPermissions('conversation', 'hub').publish).toContain('hub.crm.customer.resolve');
    expect(busPermissions('crm', 'hub').subscribe).toEqual(
      expect.arrayContaining(['hub.crm.customer.resolve', 'hub.crm.customer.resolve-many']),
    );
  });

  it('lets a consumer work only its own durables, under the namespace', () => {
    const { publish } = busPermissions('conversation', 't1_x');
    expect(publish).toEqual(
      expect.arrayContaining([
        '$JS.API.CONSUMER.CREATE.T1_X_INBOUND.t1_x_conversation_inbound.>',
        '$JS.API.CONSUMER.MSG.NEXT.T1_X_INBOUND.t1_x_conversation_inbound',
        '$JS.ACK.T1_X_INBOUND.t1_x_conversation_inbound.>',
      ]),
    );
    // Four consumer API subjects per durable (info, create, create with filter, next), no more.
    expect(publish.filter((subject) => subject.includes('CONSUMER'))).toHaveLength(
      4 * SERVICE_PERMISSIONS.conversation.consumes.length,
    );
    expect(publish.some((subject) => /DELETE|PURGE/.test(subject))).toBe(false);
  });

  it('lets only responders answer requests, and services without streams no JetStream API', () => {
    expect(busPermissions('gateway', 'hub')).toMatchObject({
      subscribe: [
        'hub.gateway.workspace.settings.get',
        'hub.gateway.workspace.retention.list',
        'hub.rt.agent.*',
        'hub.rt.conversation.*',
        'hub.rt.workspace.*',
        'hub.rt.onlookers.*',
        '_INBOX.hub.gateway.>',
      ],
      allowResponses: true,
    });
    // The gateway publishes inbound.api and consumes events for webhooks; a service using no
    // stream gets no JetStream API at all.
    expect(streamsUsedBy('gateway')).toEqual(['DEAD_LETTERS', 'EVENTS', 'INBOUND']);
    for (const service of BUS_SERVICES.filter((s) => streamsUsedBy(s).length === 0)) {
      expect(busPermissions(service, 'hub').publish.some((s) => s.startsWith('$JS'))).toBe(false);
    }
    expect(streamsUsedBy('routing')).toEqual(['DEAD_LETTERS', 'EVENTS']);
  });
});

describe('natsAuthorizationConfig', () => {
  const keys = Object.fromEntries(BUS_SERVICES.map((s, i) => [s, `UKEY${i}`])) as Record<
    BusService,
    string
  >;

  it('writes one nkey user per service, each allowed only its own subjects', () => {
    const config = natsAuthorizationConfig({
      namespace: 'hub',
      servicePublicKeys: keys,
      unrestricted: [{ label: 'operator', publicKey: 'UOPS' }],
    });
    expect(config.match(/nkey: "UKEY\d"/g)).toHaveLength(BUS_SERVICES.length);
    expect(config).toContain('"$JS.ACK.HUB_EVENTS.hub_routing_opened.>"');
    // connector-social publishes its channels' inbound messages, not another connector's.
    const social = config.slice(
      config.indexOf('# connector-social'),
      config.indexOf('# conversation'),
    );
    expect(social).toContain('"hub.inbound.whatsapp"');
    expect(social).not.toContain('"hub.inbound.web"');
    expect(config).toContain('# operator: unrestricted\n    { nkey: "UOPS" }');
  });
});

describe('busPermissionTable', () => {
  it('is current in docs/architecture.md', () => {
    const doc = readFileSync(path.join(ROOT, 'docs/architecture.md'), 'utf8');
    expect(doc).toContain(busPermissionTable());
  });
});
