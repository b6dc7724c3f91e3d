import { Inject, Injectable, Logger } from '@nestjs/common';
import { realtimeSubjects, SUBJECTS, type SlaClockEvent } from '@hub/contracts';
import { Outbox, pendingEvent, type PendingEvent } from '@hub/outbox';
import { Database, METRICS_REGISTRY, Realtime } from '@hub/service-kit';
import { Counter, type Registry } from 'prom-client';
import type { EntityManager } from 'typeorm';
import type { SlaClock } from './sla-clock.entity';
import { SlaClocksRepository } from './sla-clocks.repository';

/** One fact about one clock, to publish once the transaction that made it true commits. */
export interface SlaNotice {
  kind: 'warned' | 'breached' | 'met';
  event: SlaClockEvent;
}

const CONTRACTS = {
  warned: SUBJECTS.routing.slaWarned,
  breached: SUBJECTS.routing.slaBreached,
  met: SUBJECTS.routing.slaMet,
} as const;

/**
 * The event of a clock at `at`. Its id names the clock and the due time it is about, so a
 * redelivered event or a second sweep tells it once, while a clock re-targeted to a later due
 * time can warn again.
 */
export function clockEvent(clock: SlaClock, at: Date, kind: SlaNotice['kind']): SlaNotice {
  const dueAt = clock.dueAt ?? at;
  return {
    kind,
    event: {
      eventId: `routing.sla.${kind}:${clock.id}:${dueAt.getTime()}`,
      workspaceId: clock.workspaceId,
      occurredAt: at.toISOString(),
      clockId: clock.id,
      policyId: clock.policyId,
      metric: clock.metric,
      subjectType: clock.subjectType,
      subjectId: clock.subjectId,
      assigneeId: clock.assigneeId,
      departmentId: clock.departmentId,
      channel: clock.channel,
      priority: clock.priority,
      vip: clock.vip,
      dueAt: dueAt.toISOString(),
    },
  };
}

/**
 * Writes SLA events to routing's outbox in the caller's transaction and, after the commit,
 * publishes them and tells warnings and breaches to the assignee and the workspace's
 * supervisors and admins on their agent sockets (core NATS: a missed notice is still an event
 * in the stream).
 */
@Injectable()
export class SlaNotifier {
  private readonly logger = new Logger(SlaNotifier.name);
  // The SLA breach rate ops alert on: breached / (breached + met), per metric (k8s PrometheusRule).
  private readonly told: Counter<'kind' | 'metric'>;

  constructor(
    private readonly outbox: Outbox,
    private readonly realtime: Realtime,
    private readonly database: Database,
    @Inject(METRICS_REGISTRY) registry: Registry,
  ) {
    this.told = new Counter({
      name: 'hub_sla_clock_events_total',
      help: 'SLA clock events published, by kind (warned, breached, met) and metric',
      labelNames: ['kind', 'metric'],
      registers: [registry],
    });
  }

  record(tx: EntityManager, notices: SlaNotice[]): Promise<PendingEvent[]> {
    return this.outbox.add(
      tx,
      notices.map(({ kind, event }) => pendingEvent(CONTRACTS[kind], event.workspaceId, event)),
    );
  }

  async publish(pending: PendingEvent[], notices: SlaNotice[]): Promise<void> {
    await this.outbox.flush(pending);
    for (const { kind, event } of notices) this.told.inc({ kind, metric: event.metric });
    const alerts = notices.filter(
      (notice): notice is SlaNotice & { kind: 'warned' | 'breached' } => notice.kind !== 'met',
    );
    if (alerts.length === 0) return;
    try {
      const clocks = new SlaClocksRepository(this.database.dataSource.manager);
      const supervisors = new Map<string, string[]>();
      for (const { kind, event } of alerts) {
        let recipients = supervisors.get(event.workspaceId);
        if (!recipients) {
          recipients = await clocks.supervisors(event.workspaceId);
          supervisors.set(event.workspaceId, recipients);
        }
        const to = new Set([...recipients, ...(event.assigneeId ? [event.assigneeId] : [])]);
        for (const agentId of to)
          void this.realtime.publish(realtimeSubjects.agent(agentId), {
            type: 'sla.alert',
            kind,
            clock: event,
          });
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'SLA alerts not sent on agent sockets; events stand');
    }
  }
}
