import { randomUUID } from 'node:crypto';
import { SUBJECTS, type EventContract } from '@hub/contracts';
import { jetstreamManager } from '@nats-io/jetstream';
import {
  connectNats,
  ensureStreams,
  JetStreamPublisher,
  namespacedStream,
  replayStream,
  type NatsConnection,
} from '@hub/messaging';
import { createLogger } from '@hub/observability';
import { createDataSource } from '@hub/persistence';
import { createTestDatabase, testRunId, testServices, type TestDatabase } from '@hub/testing';
import type { DataSource } from 'typeorm';
import { crmEntities } from '../../apps/crm/src/crm.entities';
import { replayIntoRebuildTables } from '../../apps/crm/src/reports/replay-into-rebuild-tables';
import { elapsedMs } from '../e2e/support/stats';

// Reports: the time a rebuild of one workspace's projection takes per million events in the
// EVENTS stream, next to a floor measured in the same run: the same ordered replay of the
// stream with nothing done with the messages (what reading NATS alone costs). Each
// conversation is 10 events: opened, assigned, resolved, rated, 2 customer and 3 agent
// messages, one SLA clock met.
const EVENTS = Number(process.env.BENCH_REPORT_EVENTS ?? 1_000_000);
const EVENTS_PER_CONVERSATION = 10;
const CONVERSATIONS = Math.floor(EVENTS / EVENTS_PER_CONVERSATION);
const AGENTS = Array.from({ length: 50 }, () => randomUUID());
const DEPARTMENTS = Array.from({ length: 5 }, () => randomUUID());

type Item = { event: EventContract; payload: { eventId: string } & Record<string, unknown> };

function conversationEvents(workspaceId: string, index: number): Item[] {
  const conversationId = randomUUID();
  const agentId = AGENTS[index % AGENTS.length];
  const departmentId = DEPARTMENTS[index % DEPARTMENTS.length];
  const start = Date.UTC(2026, 0, 1) + index * 30_000;
  const at = (seconds: number) => new Date(start + seconds * 1000).toISOString();
  const base = (seconds: number) => ({
    eventId: randomUUID(),
    workspaceId,
    conversationId,
    occurredAt: at(seconds),
  });
  const message = (seconds: number, byAgent: boolean) => {
    const messageId = randomUUID();
    return {
      event: SUBJECTS.conversation.messageCreated,
      payload: {
        eventId: `conversation.message.created:${messageId}`,
        workspaceId,
        conversationId,
        messageId,
        inboxId: departmentId,
        customerId: conversationId,
        channel: 'web',
        customerExternalId: 'visitor',
        seq: seconds + 1,
        direction: byAgent ? 'outbound' : 'inbound',
        senderType: byAgent ? 'agent' : 'customer',
        ...(byAgent ? { senderId: agentId, assigneeId: agentId } : {}),
        content: 'A message of an ordinary length, about an order and its delivery.',
        contentType: 'text',
        createdAt: at(seconds),
        conversationOpened: seconds === 0,
      },
    };
  };
  return [
    {
      event: SUBJECTS.conversation.conversationOpened,
      payload: {
        ...base(0),
        inboxId: departmentId,
        channel: 'web',
        customerId: conversationId,
        customerExternalId: 'visitor',
        departmentId,
        reopened: false,
      },
    },
    message(0, false),
    {
      event: SUBJECTS.conversation.conversationAssigned,
      payload: { ...base(20 + (index % 40)), assigneeId: agentId, previousAssigneeId: null },
    },
    message(90 + (index % 120), true),
    message(300, false),
    message(320, true),
    message(400, true),
    {
      event: SUBJECTS.routing.slaMet,
      payload: {
        eventId: randomUUID(),
        workspaceId,
        occurredAt: at(200),
        clockId: randomUUID(),
        policyId: departmentId,
        metric: 'first_response',
        subjectType: 'conversation',
        subjectId: conversationId,
        assigneeId: agentId,
        departmentId,
        channel: 'web',
        priority: 'normal',
        vip: false,
        dueAt: at(300),
      },
    },
    {
      event: SUBJECTS.conversation.conversationResolved,
      payload: { ...base(900), assigneeId: agentId },
    },
    {
      event: SUBJECTS.conversation.conversationRated,
      payload: {
        ...base(960),
        rating: 1 + (index % 5),
        comment: null,
        assigneeId: agentId,
        submittedAt: at(960),
      },
    },
  ];
}

async function publishAll(publisher: JetStreamPublisher, workspaceId: string): Promise<void> {
  const chunk = 1_000; // conversations at a time
  for (let first = 0; first < CONVERSATIONS; first += chunk) {
    const items = [];
    for (let index = first; index < Math.min(first + chunk, CONVERSATIONS); index++) {
      for (const { event, payload } of conversationEvents(workspaceId, index)) {
        items.push({ event, payload: payload as never, msgId: payload.eventId });
      }
    }
    await publisher.publishMany(items, { maxInFlight: 512 });
  }
}

describe('report rebuild time per million events', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let nc: NatsConnection;
  const namespace = `${testRunId()}_bench_reports`;
  const workspaceId = randomUUID();

  beforeAll(async () => {
    database = await createTestDatabase('bench_reports');
    dataSource = createDataSource({
      url: database.url,
      entities: crmEntities,
      applicationName: 'bench-reports',
    });
    await dataSource.initialize();
    const logger = createLogger({ service: 'bench', level: 'warn' });
    nc = await connectNats({ url: testServices.natsUrl, name: 'bench-reports', logger });
    await ensureStreams(nc, { namespace, replicas: 1, streams: ['EVENTS'] });
    const began = process.hrtime.bigint();
    await publishAll(new JetStreamPublisher(nc, namespace), workspaceId);
    console.log(
      `published ${CONVERSATIONS * EVENTS_PER_CONVERSATION} events in ${elapsedMs(began).toFixed(0)} ms`,
    );
  }, 30 * 60_000);

  afterAll(async () => {
    // A million events is too much to leave behind on the shared NATS server.
    if (nc)
      await (await jetstreamManager(nc)).streams.delete(namespacedStream(namespace, 'EVENTS'));
    await nc?.close();
    await dataSource?.destroy();
    await database?.drop();
  });

  it('rebuilds the projection from the stream and reports the time per million events', async () => {
    const events = CONVERSATIONS * EVENTS_PER_CONVERSATION;
    let read = 0;
    const floorBegan = process.hrtime.bigint();
    await replayStream({
      nc,
      namespace,
      stream: 'EVENTS',
      durable: 'crm_reports_replay',
      filterSubject: 'evt.>',
      onBatch: (messages) => {
        read += messages.length;
        return Promise.resolve();
      },
    });
    const floorMs = elapsedMs(floorBegan);

    const runner = dataSource.createQueryRunner();
    await runner.connect();
    const progress = { eventsRead: 0 };
    const began = process.hrtime.bigint();
    try {
      await replayIntoRebuildTables({
        runner,
        workspaceId,
        nc,
        namespace,
        progress,
        beforeCommit: () => Promise.resolve(),
      });
    } finally {
      await runner.release();
    }
    const rebuildMs = elapsedMs(began);
    const [{ sessions }] = await dataSource.query<{ sessions: number }[]>(
      `select count(*)::int as sessions from reporting.conversation_sessions where workspace_id = $1`,
      [workspaceId],
    );

    const perMillion = (ms: number) => (((ms / events) * 1_000_000) / 1000).toFixed(1);
    console.log(
      [
        `events in the stream: ${events} (${CONVERSATIONS} conversations)`,
        `replay only (floor): ${floorMs.toFixed(0)} ms = ${perMillion(floorMs)} s per million`,
        `rebuild:             ${rebuildMs.toFixed(0)} ms = ${perMillion(rebuildMs)} s per million`,
      ].join('\n'),
    );
    expect([read, progress.eventsRead, sessions]).toEqual([events, events, CONVERSATIONS]);
  });
});
