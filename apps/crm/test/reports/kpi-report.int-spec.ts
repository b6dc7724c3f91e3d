import { randomUUID } from 'node:crypto';
import { SUBJECTS, type KpiReportRow } from '@hub/contracts';
import { Channel } from '@hub/domain';
import { Database } from '@hub/service-kit';
import { waitFor, watchStatements } from '@hub/testing';
import { CrmTestBed } from '../support/crm-test-bed';
import { AGENT_A, AGENT_B, DEPT_1, DEPT_2, seedReportDay, TOKYO } from '../support/report-fixture';
import { ReportEvents } from '../support/report-events';

const NOTHING = {
  conversations: 0,
  handled: 0,
  missed: 0,
  abandoned: 0,
  firstResponseMedian: null,
  firstResponseP90: null,
  resolutionMedian: null,
  resolutionP90: null,
  queueWaitMedian: null,
  queueWaitP90: null,
  csatAverage: null,
  csatDistribution: [0, 0, 0, 0, 0],
  slaMet: 0,
  slaBreached: 0,
  slaAttainment: null,
  tickets: 0,
  ticketsSolved: 0,
  ticketResolutionMedian: null,
  ticketResolutionP90: null,
};

function row(period: string, key: string | null, figures: Partial<KpiReportRow>): KpiReportRow {
  return { ...NOTHING, period, key, ...figures } as KpiReportRow;
}

describe('crm reports computed from the event stream', () => {
  let crm: CrmTestBed;
  const workspaceId = randomUUID();
  const period = { workspaceId, from: '2026-03-01', to: '2026-03-03', timeZone: TOKYO };

  beforeAll(async () => {
    crm = await CrmTestBed.start('reports');
    const fixture = seedReportDay(workspaceId);
    const elsewhere = seedReportDay(randomUUID());
    // Each event twice, the second time as a re-publication outside the stream's duplicate
    // window would be (another Nats-Msg-Id), and another workspace's copy of the same day.
    await crm.publish([...fixture.events, ...elsewhere.events]);
    await crm.publish(fixture.events, (eventId) => `${eventId}:again`);
    const stored = fixture.events.length + elsewhere.events.length;
    // A customer's message is no KPI fact: each fixture has one, not stored.
    await waitFor(
      async () => (await factCount()) === stored - 2,
      20_000,
      () => 'the projection did not catch up with the stream',
    );
  });

  afterAll(async () => {
    await crm?.stop();
  });

  async function factCount(): Promise<number> {
    const [{ count }] = await crm.query<{ count: number }>(
      `select (select count(*) from reporting.conversation_events)::int
            + (select count(*) from reporting.sla_events)::int
            + (select count(*) from reporting.ticket_events)::int as count`,
      [],
    );
    return count;
  }

  it('gives the workspace its figures per Tokyo day, each event counted once', async () => {
    const rows = await crm.request(SUBJECTS.crm.kpiReport, {
      ...period,
      interval: 'day',
      groupBy: 'workspace',
    });

    expect(rows).toEqual([
      row('2026-03-01', null, {
        conversations: 6, // C1 twice, C2, C3, C4, C5
        handled: 4,
        missed: 1,
        abandoned: 1,
        firstResponseMedian: 240, // 120 180 300 600
        firstResponseP90: 510, // 300 + 0.7 × 300
        resolutionMedian: 1500, // 720 1200 1800 3600
        resolutionP90: 3060, // 1800 + 0.7 × 1800
        queueWaitMedian: 60, // 60 60 60 120 300
        queueWaitP90: 228, // 120 + 0.6 × 180
        csatAverage: 4, // 5 3 4
        csatDistribution: [0, 0, 1, 1, 1],
        slaMet: 1,
        slaBreached: 2,
        slaAttainment: 1 / 3,
        tickets: 2, // T1, T2
        ticketsSolved: 1,
        ticketResolutionMedian: 7200,
        ticketResolutionP90: 7200,
      }),
      row('2026-03-02', null, {
        conversations: 1, // C6
        handled: 1,
        firstResponseMedian: 60,
        firstResponseP90: 60,
        resolutionMedian: 600,
        resolutionP90: 600,
        queueWaitMedian: 30,
        queueWaitP90: 30,
        csatAverage: 1,
        csatDistribution: [1, 0, 0, 0, 0],
        slaMet: 1,
        slaAttainment: 1,
        tickets: 1, // T3: its first solving counts
        ticketsSolved: 1,
        ticketResolutionMedian: 1800,
        ticketResolutionP90: 1800,
      }),
    ]);
  });

  it('breaks a day down by the agent who handled each conversation', async () => {
    const rows = await crm.request(SUBJECTS.crm.kpiReport, {
      ...period,
      to: '2026-03-02',
      interval: 'day',
      groupBy: 'agent',
    });

    expect(rows).toEqual([
      row('2026-03-01', null, { conversations: 1, abandoned: 1 }), // C5, nobody's
      row('2026-03-01', AGENT_A, {
        conversations: 2, // C1, C2
        handled: 2,
        firstResponseMedian: 240, // 180 300
        firstResponseP90: 288, // 180 + 0.9 × 120
        resolutionMedian: 1500, // 1200 1800
        resolutionP90: 1740,
        queueWaitMedian: 90, // 60 120
        queueWaitP90: 114,
        csatAverage: 4,
        csatDistribution: [0, 0, 1, 0, 1],
        slaMet: 1, // K1
        slaBreached: 1, // K3
        slaAttainment: 0.5,
        tickets: 1, // T1
        ticketsSolved: 1,
        ticketResolutionMedian: 7200,
        ticketResolutionP90: 7200,
      }),
      row('2026-03-01', AGENT_B, {
        conversations: 3, // C1 reopened, C3, C4
        handled: 2,
        missed: 1,
        firstResponseMedian: 360, // 120 600
        firstResponseP90: 552, // 120 + 0.9 × 480
        resolutionMedian: 2160, // 720 3600
        resolutionP90: 3312, // 720 + 0.9 × 2880
        queueWaitMedian: 60, // 60 60 300
        queueWaitP90: 252, // 60 + 0.8 × 240
        csatAverage: 4,
        csatDistribution: [0, 0, 0, 1, 0],
        slaBreached: 1, // K2
        slaAttainment: 0,
        tickets: 1, // T2, not solved
      }),
    ]);
  });

  it('breaks a month down by channel, and by the department a conversation ended in', async () => {
    const byChannel = await crm.request(SUBJECTS.crm.kpiReport, {
      ...period,
      interval: 'month',
      groupBy: 'channel',
    });
    const byDepartment = await crm.request(SUBJECTS.crm.kpiReport, {
      ...period,
      interval: 'month',
      groupBy: 'department',
    });

    expect(byChannel).toEqual([
      // K3, a ticket's clock, and the tickets: no channel.
      row('2026-03-01', null, {
        slaBreached: 1,
        slaAttainment: 0,
        tickets: 3,
        ticketsSolved: 2,
        ticketResolutionMedian: 4500, // 1800 7200
        ticketResolutionP90: 6660, // 1800 + 0.9 × 5400
      }),
      row('2026-03-01', Channel.Email, {
        conversations: 1,
        handled: 1,
        firstResponseMedian: 600,
        firstResponseP90: 600,
        resolutionMedian: 3600,
        resolutionP90: 3600,
        queueWaitMedian: 300,
        queueWaitP90: 300,
        csatAverage: 4,
        csatDistribution: [0, 0, 0, 1, 0],
        slaBreached: 1,
        slaAttainment: 0,
      }),
      row('2026-03-01', Channel.Web, {
        conversations: 6, // C1 twice, C2, C4, C5, C6
        handled: 4,
        missed: 1,
        abandoned: 1,
        firstResponseMedian: 150, // 60 120 180 300
        firstResponseP90: 264, // 180 + 0.7 × 120
        resolutionMedian: 960, // 600 720 1200 1800
        resolutionP90: 1620, // 1200 + 0.7 × 600
        queueWaitMedian: 60, // 30 60 60 60 120
        queueWaitP90: 96, // 60 + 0.6 × 60
        csatAverage: 3, // 5 3 1
        csatDistribution: [1, 0, 1, 0, 1],
        slaMet: 2,
        slaAttainment: 1,
      }),
    ]);
    expect(byDepartment.map((r) => [r.key, r.conversations, r.abandoned, r.slaBreached])).toEqual([
      [DEPT_1, 5, 0, 1], // C1 twice, C2, C4, C6; K3 breached
      [DEPT_2, 2, 1, 1], // C3, C5 moved there; K2 breached
    ]);
  });

  it('counts conversations per Tokyo hour of day, busiest first', async () => {
    const hours = await crm.request(SUBJECTS.crm.busiestHours, period);

    expect(hours).toHaveLength(24);
    expect(hours.filter((h) => h.conversations > 0)).toEqual(
      [1, 10, 11, 12, 13, 14, 15].map((hour) => ({ hour, conversations: 1 })),
    );
  });

  it('applies a burst of events in a few transactions, not one each', async () => {
    const burst = new ReportEvents(randomUUID());
    for (let i = 0; i < 40; i += 1) {
      burst.opened(randomUUID(), '2026-03-02T01:00:00Z', {
        channel: Channel.Web,
        departmentId: null,
      });
    }
    // Each projection transaction takes its conversations' advisory locks in one statement.
    const locks: string[] = [];
    const stopWatching = watchStatements(crm.replicas[0].get(Database).dataSource, (sql) => {
      if (sql.includes("'reporting:'")) locks.push(sql);
    });
    const facts = async () =>
      (
        await crm.query<{ count: number }>(
          `select count(*)::int as count from reporting.conversation_events where workspace_id = $1`,
          [burst.workspaceId],
        )
      )[0].count;
    try {
      // All at once, as a busy hub publishes them.
      await Promise.all(burst.events.map((event) => crm.publish([event])));
      await waitFor(
        async () => (await facts()) === 40,
        20_000,
        () => 'the burst was not applied',
      );
    } finally {
      stopWatching();
    }

    expect(locks.length).toBeGreaterThan(0);
    expect(locks.length).toBeLessThan(20);
  });

  it('refuses a period over a year, and one that ends before it starts', async () => {
    const tooLong = await crm.refusal(SUBJECTS.crm.kpiReport, {
      ...period,
      from: '2026-01-01',
      to: '2027-01-02',
      interval: 'month',
      groupBy: 'workspace',
    });
    const reversed = await crm.refusal(SUBJECTS.crm.busiestHours, {
      ...period,
      from: '2026-03-03',
      to: '2026-03-01',
    });
    const badZone = await crm.refusal(SUBJECTS.crm.busiestHours, {
      ...period,
      timeZone: 'Mars/Olympus',
    });

    expect([tooLong.code, reversed.code, badZone.code]).toEqual([
      'REPORT_PERIOD_TOO_LONG',
      'REPORT_PERIOD_INVALID',
      'VALIDATION_FAILED',
    ]);
  });
});
