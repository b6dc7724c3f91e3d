import { randomUUID } from 'node:crypto';
import type { Type } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import {
  SUBJECTS,
  type AgentView,
  type GetAgentRequest,
  type InboundMessageReceived,
  type RealtimeEvent,
  type ResolveCustomerReply,
  type ResolveCustomerRequest,
  type ResolveCustomersReply,
  type ResolveCustomersRequest,
} from '@hub/contracts';
import { ServiceEnv, validateEnv } from '@hub/config';
import { type AgentRole, Channel, ContentType } from '@hub/domain';
import { namespacedStream, namespacedSubject, streamsUsedBy } from '@hub/messaging';
import { Database, Messaging, ServiceKitModule } from '@hub/service-kit';
import { createTestDatabase, testRunId, testServices, type TestDatabase } from '@hub/testing';
import type { DataSource } from 'typeorm';
import { OutboxModule } from '@hub/outbox';
import { conversationEntities } from '../../src/conversation.entities';
import { ConversationsModule } from '../../src/conversations/conversations.module';
import { Inbox } from '../../src/inboxes/inbox.entity';

export interface InboxTarget {
  workspaceId: string;
  inboxId: string;
}

/** An event as the EVENTS stream stored it. */
export interface StoredEvent {
  subject: string;
  msgId: string | undefined;
  data: { eventId: string; conversationId?: string } & Record<string, unknown>;
}

/**
 * The conversation service in this process: its real module on a fresh migrated database and
 * the shared NATS server, in a namespace of its own. crm is not started: `crmRequests` counts
 * the requests the service made it (one by one or in batches), and each (workspace, channel,
 * external id) is one customer, as crm's identity rule makes it; `refuseCrmBatches` makes it
 * refuse every batch. Nor is routing: it knows the agents `enrol` registered, with
 * their current role and active flag.
 */
export class ConversationUnderTest {
  crmRequests = 0;
  refuseCrmBatches = false;
  private readonly customers = new Map<string, string>();
  private readonly roster = new Map<string, { role: AgentRole; active: boolean }>();

  private constructor(
    readonly namespace: string,
    readonly database: TestDatabase,
    private readonly module: TestingModule,
    /** The test's own NATS connection: it plays crm and watches what the service publishes. */
    readonly nc: NatsConnection,
  ) {}

  static async start(label: string): Promise<ConversationUnderTest> {
    const namespace = `${testRunId()}_${label}`;
    const database = await createTestDatabase(`conversation_${label}`);
    const env = validateEnv(ServiceEnv, {
      PORT: '3004',
      DATABASE_URL: database.url,
      NATS_URL: testServices.natsUrl,
      HUB_NAMESPACE: namespace,
      LOG_LEVEL: 'warn',
    });
    const module = await Test.createTestingModule({
      imports: [
        ServiceKitModule.forRoot({ service: 'conversation', env, entities: conversationEntities }),
        OutboxModule.forSchema('conversation'),
        ConversationsModule,
      ],
    }).compile();
    module.useLogger(['error', 'warn']);
    const nc = await connect({ servers: testServices.natsUrl });
    const service = new ConversationUnderTest(namespace, database, module, nc);
    service.answerAsCrm();
    service.answerAsRouting();
    await module.init();
    await module.get(Database).connected();
    await module.get(Messaging).connected();
    return service;
  }

  get<T>(type: Type<T>): T {
    return this.module.get(type);
  }

  get dataSource(): DataSource {
    return this.module.get(Database).dataSource;
  }

  async createInbox(
    workspaceId: string = randomUUID(),
    channel: Channel = Channel.Web,
  ): Promise<InboxTarget> {
    const inbox = await this.dataSource.manager.save(
      this.dataSource.manager.create(Inbox, { workspaceId, channel, name: `${channel} inbox` }),
    );
    return { workspaceId, inboxId: inbox.id };
  }

  /** Routing knows these agents from now on, with this role (or their new role and state). */
  enrol(...agents: { agentId: string; role: AgentRole; active?: boolean }[]): void {
    for (const { agentId, role, active = true } of agents)
      this.roster.set(agentId, { role, active });
  }

  /** Everything the EVENTS stream holds, in the order stored. */
  async storedEvents(): Promise<StoredEvent[]> {
    const jsm = await jetstreamManager(this.nc);
    const stream = namespacedStream(this.namespace, 'EVENTS');
    const { state } = await jsm.streams.info(stream);
    const events: StoredEvent[] = [];
    if (state.messages === 0) return events;
    for (let seq = state.first_seq; seq <= state.last_seq; seq++) {
      const stored = await jsm.streams.getMessage(stream, { seq });
      if (!stored) continue;
      events.push({
        subject: stored.subject.slice(this.namespace.length + 1),
        msgId: stored.header?.get('Nats-Msg-Id') || undefined,
        data: stored.json(),
      });
    }
    return events;
  }

  /** Collects the realtime events published to `subject` from now on. */
  async watchRealtime(subject: string): Promise<RealtimeEvent[]> {
    const received: RealtimeEvent[] = [];
    this.nc.subscribe(namespacedSubject(this.namespace, subject), {
      callback: (_error, message) => void received.push(message.json<RealtimeEvent>()),
    });
    await this.nc.flush();
    return received;
  }

  async stop(): Promise<void> {
    await this.module.close();
    const jsm = await jetstreamManager(this.nc);
    for (const stream of streamsUsedBy('conversation'))
      await jsm.streams.delete(namespacedStream(this.namespace, stream));
    await this.nc.close();
    await this.database.drop();
  }

  // `routing.agent.get` from the roster; AGENT_NOT_FOUND, as routing answers, for anyone else.
  private answerAsRouting(): void {
    this.nc.subscribe(namespacedSubject(this.namespace, SUBJECTS.routing.getAgent.subject), {
      callback: (_error, message) => {
        const { id, data } = message.json<{ id: string; data: GetAgentRequest }>();
        const known = this.roster.get(data.agentId);
        if (!known) {
          const err = { status: 404, code: 'AGENT_NOT_FOUND', message: 'No such agent' };
          message.respond(JSON.stringify({ id, err, isDisposed: true }));
          return;
        }
        const response: AgentView = {
          id: data.agentId,
          workspaceId: data.workspaceId,
          name: 'Agent',
          locale: 'en',
          avatarUrl: null,
          email: `${data.agentId}@example.test`,
          ...known,
          maxConcurrentChats: 3,
          presence: 'online',
          activeChats: 0,
          departmentIds: [],
        };
        message.respond(JSON.stringify({ id, response, isDisposed: true }));
      },
    });
  }

  // Replies as Nest's NATS server does: `{ id, response, isDisposed }` to `{ id, data }`.
  private answerAsCrm(): void {
    this.nc.subscribe(namespacedSubject(this.namespace, SUBJECTS.crm.resolveCustomer.subject), {
      callback: (_error, message) => {
        const { id, data } = message.json<{ id: string; data: ResolveCustomerRequest }>();
        this.crmRequests++;
        const response = this.resolveCustomer(data);
        message.respond(JSON.stringify({ id, response, isDisposed: true }));
      },
    });
    this.nc.subscribe(namespacedSubject(this.namespace, SUBJECTS.crm.resolveCustomers.subject), {
      callback: (_error, message) => {
        const { id, data } = message.json<{ id: string; data: ResolveCustomersRequest }>();
        this.crmRequests++;
        if (this.refuseCrmBatches) {
          const err = { status: 503, code: 'UPSTREAM_UNAVAILABLE', message: 'Refused by the test' };
          message.respond(JSON.stringify({ id, err, isDisposed: true }));
          return;
        }
        const response: ResolveCustomersReply = {
          customers: data.items.map((item) => this.resolveCustomer(item)),
        };
        message.respond(JSON.stringify({ id, response, isDisposed: true }));
      },
    });
  }

  private resolveCustomer(request: ResolveCustomerRequest): ResolveCustomerReply {
    const identity = `${request.workspaceId}:${request.channel}:${request.externalId}`;
    const known = this.customers.get(identity);
    const customerId = known ?? randomUUID();
    this.customers.set(identity, customerId);
    return { customerId, created: !known };
  }
}

/** A customer message as a connector publishes it to the INBOUND stream. */
export function inboundMessage(
  target: InboxTarget,
  overrides: Partial<InboundMessageReceived> & { visitorId?: string } = {},
): InboundMessageReceived {
  const { visitorId = `visitor-${randomUUID()}`, ...fields } = overrides;
  return {
    workspaceId: target.workspaceId,
    inboxId: target.inboxId,
    channel: Channel.Web,
    externalMessageId: randomUUID(),
    customer: { externalId: visitorId, name: 'Ada' },
    content: `Hello (${randomUUID()})`,
    contentType: ContentType.Text,
    sentAt: new Date().toISOString(),
    ...fields,
  };
}
