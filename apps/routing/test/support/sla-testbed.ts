import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { CustomStrategy } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { validateEnv } from '@hub/config';
import {
  SUBJECTS,
  type EventContract,
  type PayloadOf,
  type RealtimeEvent,
  type ReplyOf,
  type RequestContract,
  type SlaClockView,
  type TicketChanged,
  type TicketSnapshot,
} from '@hub/contracts';
import { AgentRole, Priority, TicketStatus } from '@hub/domain';
import {
  namespacedDurable,
  namespacedStream,
  namespacedSubject,
  streamsUsedBy,
} from '@hub/messaging';
import { OutboxModule } from '@hub/outbox';
import {
  Database,
  DomainException,
  Messaging,
  NamespacedNatsServer,
  RpcClient,
  ServiceKitModule,
} from '@hub/service-kit';
import { createTestDatabase, testRunId, testServices, type TestDatabase } from '@hub/testing';
import { AcdModule } from '../../src/acd/acd.module';
import { BusinessHoursModule } from '../../src/business-hours/business-hours.module';
import { DepartmentsModule } from '../../src/departments/departments.module';
import { RoutingEnv } from '../../src/routing.env';
import { routingEntities } from '../../src/routing.entities';
import { Clock } from '../../src/business-hours/clock';
import { SlaModule } from '../../src/sla/sla.module';
import { SlaSweep } from '../../src/sla/sla-sweep';

/** The SLA sweep's time, moved by the test. */
export class ManualClock extends Clock {
  constructor(private current: Date) {
    super();
  }

  override now(): Date {
    return new Date(this.current);
  }

  set(at: string | Date): void {
    this.current = new Date(at);
  }
}

/** An SLA event as routing's outbox holds it. */
export interface RecordedSlaEvent {
  subject: string;
  kind: string;
  metric: string;
  subjectId: string;
  dueAt: string;
  occurredAt: string;
}

const POLL_MS = 25;
const WAIT_MS = 15_000;

/**
 * routing's business-hours, departments and SLA modules in this process, as a replica runs
 * them (NATS handlers in the `routing` queue group, durable consumers, outbox), on a fresh
 * migrated database and a NATS namespace of its own, with a clock the test moves: the timer
 * sweep and `sweep()` both read it. The test plays conversation and crm by publishing their
 * events on the stream.
 */
export class SlaTestbed {
  private constructor(
    private readonly database: TestDatabase,
    readonly namespace: string,
    readonly app: INestApplication,
    readonly clock: ManualClock,
    private readonly nc: NatsConnection,
  ) {}

  static async start(label: string, now: string): Promise<SlaTestbed> {
    const database = await createTestDatabase(`routing_${label}`);
    const namespace = `${testRunId()}_${label}`;
    const env = validateEnv(RoutingEnv, {
      PORT: '3005',
      DATABASE_URL: database.url,
      NATS_URL: testServices.natsUrl,
      HUB_NAMESPACE: namespace,
      LOG_LEVEL: 'warn',
    });
    const clock = new ManualClock(new Date(now));
    const moduleRef = await Test.createTestingModule({
      imports: [
        ServiceKitModule.forRoot({ service: 'routing', env, entities: routingEntities }),
        OutboxModule.forSchema('routing'),
        DepartmentsModule,
        BusinessHoursModule,
        SlaModule,
        // Messages reach the clocks through routing's one message durable, which is the ACD's.
        AcdModule,
      ],
    })
      .overrideProvider(Clock)
      .useValue(clock)
      .compile();
    const app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
    app.connectMicroservice<CustomStrategy>(
      {
        strategy: new NamespacedNatsServer(namespace, {
          servers: [testServices.natsUrl],
          name: 'routing-rpc',
          queue: 'routing',
        }),
      },
      { inheritAppConfig: true },
    );
    await app.init();
    await app.get(Database).connected();
    await app.get(Messaging).connected();
    await app.startAllMicroservices();
    const nc = await connect({ servers: testServices.natsUrl });
    return new SlaTestbed(database, namespace, app, clock, nc);
  }

  async stop(): Promise<void> {
    await this.app.close();
    const jsm = await jetstreamManager(this.nc);
    for (const stream of streamsUsedBy('routing'))
      await jsm.streams.delete(namespacedStream(this.namespace, stream));
    await this.nc.close();
    await this.database.drop();
  }

  request<C extends RequestContract>(contract: C, payload: PayloadOf<C>): Promise<ReplyOf<C>> {
    return this.app.get(RpcClient).request(contract, payload);
  }

  /** The refusal routing answered; throws when it answered instead. */
  async refusal<C extends RequestContract>(contract: C, payload: object): Promise<DomainException> {
    try {
      await this.request(contract, payload as PayloadOf<C>);
    } catch (error) {
      if (error instanceof DomainException) return error;
      throw error;
    }
    throw new Error(`${contract.subject} was answered, but a refusal was expected`);
  }

  /** Publishes an event on the EVENTS stream, as its owner would after its commit. */
  async publish<E extends EventContract>(event: E, payload: PayloadOf<E>): Promise<void> {
    const { eventId } = payload as { eventId: string };
    await this.app.get(Messaging).publisher.publish(event, payload, { msgId: eventId });
  }

  sql<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.app.get(Database).dataSource.query<T[]>(sql, params);
  }

  async department(workspaceId: string): Promise<string> {
    const id = randomUUID();
    await this.sql(`insert into routing.departments (id, workspace_id, name) values ($1, $2, $3)`, [
      id,
      workspaceId,
      `Department ${id}`,
    ]);
    return id;
  }

  async agent(workspaceId: string, role: AgentRole = AgentRole.Agent): Promise<string> {
    const id = randomUUID();
    await this.sql(
      `insert into routing.agents (id, workspace_id, name, email, role, password_hash)
       values ($1, $2, $3, $4, $5, 'not-a-hash')`,
      [id, workspaceId, `Agent ${id}`, `${id}@example.test`, role],
    );
    return id;
  }

  clocks(workspaceId: string, subjectId: string): Promise<SlaClockView[]> {
    return this.request(SUBJECTS.routing.listSlaClocks, { workspaceId, subjectId });
  }

  /** Polls until the subject's clocks satisfy `ready` (events are consumed asynchronously). */
  /** Waits until the durable has taken and acknowledged everything published so far. */
  async consumed(durable: string): Promise<void> {
    const jsm = await jetstreamManager(this.nc);
    const stream = namespacedStream(this.namespace, 'EVENTS');
    const name = namespacedDurable(this.namespace, durable);
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const info = await jsm.consumers.info(stream, name);
      if (info.num_pending === 0 && info.num_ack_pending === 0) return;
      if (Date.now() > deadline) throw new Error(`${durable} still has messages to take`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  async clocksWhen(
    workspaceId: string,
    subjectId: string,
    ready: (clocks: SlaClockView[]) => boolean,
  ): Promise<SlaClockView[]> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const clocks = await this.clocks(workspaceId, subjectId);
      if (ready(clocks)) return clocks;
      if (Date.now() > deadline)
        throw new Error(`clocks of ${subjectId} never got ready: ${JSON.stringify(clocks)}`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** Runs one sweep at `at` (the timer sweep reads the same clock). */
  async sweepAt(at: string): Promise<void> {
    this.clock.set(at);
    await this.app.get(SlaSweep).sweep();
  }

  /** The SLA events routing wrote to its outbox for one subject, in the order written. */
  async slaEvents(subjectId: string): Promise<RecordedSlaEvent[]> {
    return this.sql<RecordedSlaEvent>(
      `select subject, split_part(subject, '.', 4) as kind, payload->>'metric' as metric,
              payload->>'subjectId' as "subjectId", payload->>'dueAt' as "dueAt",
              payload->>'occurredAt' as "occurredAt"
         from routing.outbox where payload->>'subjectId' = $1 order by id`,
      [subjectId],
    );
  }

  /** Collects realtime events published to one agent from now on. */
  async watchAgent(agentId: string): Promise<RealtimeEvent[]> {
    const received: RealtimeEvent[] = [];
    this.nc.subscribe(namespacedSubject(this.namespace, `rt.agent.${agentId}`), {
      callback: (_error, message) => void received.push(message.json<RealtimeEvent>()),
    });
    await this.nc.flush();
    return received;
  }
}

/** A ticket change as crm publishes it; `version` orders them. */
export function ticketChanged(
  workspaceId: string,
  ticket: Partial<TicketSnapshot> & Pick<TicketSnapshot, 'id' | 'version'>,
  occurredAt: string,
): TicketChanged {
  const snapshot: TicketSnapshot = {
    customerId: '00000000-0000-4000-8000-0000000000c1',
    subject: 'Order arrived broken',
    status: TicketStatus.New,
    priority: Priority.Normal,
    categoryId: null,
    assigneeId: null,
    departmentId: null,
    vip: false,
    conversationIds: [],
    dueAt: null,
    createdAt: occurredAt,
    ...ticket,
  };
  return {
    eventId: `crm.ticket.changed:${ticket.id}:${ticket.version}`,
    workspaceId,
    occurredAt,
    created: ticket.version === 1,
    ticket: snapshot,
    changes: [],
    actorType: 'agent',
    actorId: null,
  };
}
