import { randomUUID } from 'node:crypto';
import { SUBJECTS, type KpiReportRow, type ReportRebuildView } from '@hub/contracts';
import { waitFor, withClient } from '@hub/testing';
import { CrmTestBed } from '../support/crm-test-bed';
import { seedReportDay, TOKYO } from '../support/report-fixture';

describe('crm rebuilding a workspace’s reports from the EVENTS stream', () => {
  let crm: CrmTestBed;
  const workspaceId = randomUUID();
  const otherWorkspaceId = randomUUID();
  let streamLength: number;
  // Each workspace's day: its events but the one customer message, which is no KPI fact.
  let factsPerWorkspace: number;

  beforeAll(async () => {
    crm = await CrmTestBed.start('reports_rebuild');
    const events = [
      ...seedReportDay(workspaceId).events,
      ...seedReportDay(otherWorkspaceId).events,
    ];
    await crm.publish(events);
    streamLength = events.length;
    factsPerWorkspace = events.length / 2 - 1;
    await waitFor(
      async () =>
        (await factCount(workspaceId)) + (await factCount(otherWorkspaceId)) ===
        2 * factsPerWorkspace,
      20_000,
      () => 'the projection did not catch up with the stream',
    );
  });

  afterAll(async () => {
    await crm?.stop();
  });

  async function factCount(workspace: string): Promise<number> {
    const [{ count }] = await crm.query<{ count: number }>(
      `select (select count(*) from reporting.conversation_events where workspace_id = $1)::int
            + (select count(*) from reporting.sla_events where workspace_id = $1)::int
            + (select count(*) from reporting.ticket_events where workspace_id = $1)::int as count`,
      [workspace],
    );
    return count;
  }

  function report(workspace: string): Promise<KpiReportRow[]> {
    return crm.request(SUBJECTS.crm.kpiReport, {
      workspaceId: workspace,
      from: '2026-03-01',
      to: '2026-03-03',
      timeZone: TOKYO,
      interval: 'day',
      groupBy: 'agent',
    });
  }

  async function finished(rebuildId: string): Promise<ReportRebuildView> {
    let view: ReportRebuildView | undefined;
    await waitFor(
      async () => {
        view = await crm.request(SUBJECTS.crm.getReportRebuild, { workspaceId, rebuildId });
        return view.status !== 'running';
      },
      20_000,
      () => `rebuild ${rebuildId} still running`,
    );
    return view as ReportRebuildView;
  }

  it('restores a damaged projection to what the stream says, keeps what the stream no longer holds, and leaves other workspaces alone', async () => {
    const before = await report(workspaceId);
    const otherBefore = await report(otherWorkspaceId);
    // Damage: sessions lost, a fact lost, and a fact of the stream's time no event backs.
    await crm.query(`delete from reporting.conversation_sessions where workspace_id = $1`, [
      workspaceId,
    ]);
    await crm.query(
      `delete from reporting.sla_events where event_id in
         (select event_id from reporting.sla_events where workspace_id = $1 limit 1)`,
      [workspaceId],
    );
    await crm.query(
      `insert into reporting.conversation_events
         (event_id, workspace_id, conversation_id, kind, occurred_at, channel)
       values ('not-in-the-stream', $1, $2, 'opened', now(), 'web'),
              ('older-than-the-stream', $1, $2, 'opened', '2025-01-01T00:00:00Z', 'web')`,
      [workspaceId, randomUUID()],
    );
    expect(await report(workspaceId)).not.toEqual(before);

    const started = await crm.request(SUBJECTS.crm.rebuildReports, {
      workspaceId,
      requestedBy: null,
    });
    const done = await finished(started.id);

    expect(started.status).toBe('running');
    expect(done).toEqual(
      expect.objectContaining({ status: 'done', eventsRead: streamLength, error: null }),
    );
    expect(await report(workspaceId)).toEqual(before);
    const kept = await crm.query<{ event_id: string }>(
      `select event_id from reporting.conversation_events where event_id in
         ('not-in-the-stream', 'older-than-the-stream')`,
      [],
    );
    expect(kept).toEqual([{ event_id: 'older-than-the-stream' }]);
    expect(await factCount(workspaceId)).toBe(factsPerWorkspace + 1);
    expect(await report(otherWorkspaceId)).toEqual(otherBefore);
  });

  it('refuses a second rebuild while one runs, and marks one a dead process left running as failed', async () => {
    const lockKey = `reporting-rebuild:${workspaceId}`;
    await crm.query(
      `insert into reporting.rebuilds (workspace_id, status) values ($1, 'running')`,
      [workspaceId],
    );
    const refusal = await withClient(crm.databaseUrl, async (client) => {
      await client.query(`select pg_advisory_lock(hashtextextended($1, 0))`, [lockKey]);
      return crm.refusal(SUBJECTS.crm.rebuildReports, { workspaceId, requestedBy: null });
    });
    const next = await crm.request(SUBJECTS.crm.rebuildReports, { workspaceId, requestedBy: null });
    await finished(next.id);

    expect(refusal.code).toBe('REPORT_REBUILD_RUNNING');
    const rows = await crm.query<{ status: string; error: string | null }>(
      `select status, error from reporting.rebuilds where workspace_id = $1 order by started_at`,
      [workspaceId],
    );
    expect(rows).toEqual([
      { status: 'done', error: null },
      { status: 'failed', error: 'interrupted' },
      { status: 'done', error: null },
    ]);
  });

  it('answers REPORT_REBUILD_NOT_FOUND for another workspace’s rebuild', async () => {
    const { id } = await crm.request(SUBJECTS.crm.rebuildReports, {
      workspaceId: otherWorkspaceId,
      requestedBy: null,
    });
    const refusal = await crm.refusal(SUBJECTS.crm.getReportRebuild, {
      workspaceId,
      rebuildId: id,
    });

    expect(refusal.code).toBe('REPORT_REBUILD_NOT_FOUND');
  });
});
