import { randomUUID } from 'node:crypto';
import { SUBJECTS } from '@hub/contracts';
import { AgentPresence } from '@hub/domain';
import { SlaTestbed } from './support/sla-testbed';

const weekdays = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, [['09:00', '18:00']]]),
);

describe('business hours', () => {
  let bed: SlaTestbed;

  beforeAll(async () => {
    bed = await SlaTestbed.start('business_hours', '2026-11-30T03:00:00Z');
  });
  afterAll(async () => {
    await bed?.stop();
  });

  async function onlineAgentIn(workspaceId: string, departmentId: string): Promise<void> {
    const agentId = await bed.agent(workspaceId);
    await bed.sql(
      `insert into routing.agent_status (agent_id, workspace_id, chosen_presence, presence)
       values ($1, $2, $3, $3)`,
      [agentId, workspaceId, AgentPresence.Online],
    );
    await bed.sql(
      `insert into routing.department_agents (workspace_id, department_id, agent_id)
       values ($1, $2, $3)`,
      [workspaceId, departmentId, agentId],
    );
  }

  it('makes departments unavailable outside their hours, a department’s own before the workspace’s', async () => {
    const workspaceId = randomUUID();
    const sales = await bed.department(workspaceId);
    const support = await bed.department(workspaceId);
    await onlineAgentIn(workspaceId, sales);
    await onlineAgentIn(workspaceId, support);
    const availability = () =>
      bed.request(SUBJECTS.routing.departmentAvailability, { workspaceId });

    // No hours anywhere: staffed means available, and the widget is told there are none.
    expect(await availability()).toMatchObject({
      workspaceOnline: true,
      withinBusinessHours: null,
    });

    await bed.request(SUBJECTS.routing.setBusinessHours, {
      workspaceId,
      departmentId: null,
      timeZone: 'Europe/Berlin',
      week: weekdays,
      holidays: [],
    });
    await bed.request(SUBJECTS.routing.setBusinessHours, {
      workspaceId,
      departmentId: support,
      timeZone: 'Asia/Tokyo',
      week: weekdays,
      holidays: ['2026-12-01'],
    });
    const byId = async () => {
      const reply = await availability();
      return {
        workspace: [reply.workspaceOnline, reply.withinBusinessHours],
        sales: reply.departments.find((d) => d.id === sales)?.online,
        support: reply.departments.find((d) => d.id === support)?.online,
      };
    };

    // Monday 30 Nov, 03:00 UTC: 04:00 in Berlin (closed), 12:00 in Tokyo (open).
    bed.clock.set('2026-11-30T03:00:00Z');
    expect(await byId()).toEqual({ workspace: [false, false], sales: false, support: true });
    // 10:00 UTC: 11:00 in Berlin (open), 19:00 in Tokyo (closed).
    bed.clock.set('2026-11-30T10:00:00Z');
    expect(await byId()).toEqual({ workspace: [true, true], sales: true, support: false });
    // Tuesday 03:00 UTC: Tokyo's holiday.
    bed.clock.set('2026-12-01T03:00:00Z');
    expect(await byId()).toEqual({ workspace: [false, false], sales: false, support: false });

    // Without its own hours, support follows the workspace's again.
    await bed.request(SUBJECTS.routing.removeBusinessHours, { workspaceId, departmentId: support });
    bed.clock.set('2026-12-01T10:00:00Z');
    expect(await byId()).toEqual({ workspace: [true, true], sales: true, support: true });
  });

  it('refuses a schedule, zone or holiday that is not one, and a department of another workspace', async () => {
    const workspaceId = randomUUID();
    const elsewhere = await bed.department(randomUUID());
    const valid = {
      workspaceId,
      departmentId: null,
      timeZone: 'UTC',
      week: weekdays,
      holidays: [],
    };
    const refusals = await Promise.all(
      [
        { ...valid, week: {} },
        { ...valid, week: { mon: [['18:00', '18:00']] } },
        { ...valid, week: { someday: [['09:00', '18:00']] } },
        { ...valid, week: { mon: [['9:00', '25:00']] } },
        { ...valid, timeZone: 'Europe/Atlantis' },
        { ...valid, holidays: ['2026-02-30'] },
        { ...valid, holidays: ['2026-12-25', '2026-12-25'] },
      ].map((request) => bed.refusal(SUBJECTS.routing.setBusinessHours, request)),
    );
    expect(refusals.map((refusal) => refusal.code)).toEqual(
      Array.from({ length: 7 }, () => 'VALIDATION_FAILED'),
    );
    const foreign = await bed.refusal(SUBJECTS.routing.setBusinessHours, {
      ...valid,
      departmentId: elsewhere,
    });
    const missing = await bed.refusal(SUBJECTS.routing.removeBusinessHours, {
      workspaceId,
      departmentId: null,
    });
    expect([foreign.code, missing.code]).toEqual([
      'DEPARTMENT_NOT_FOUND',
      'BUSINESS_HOURS_NOT_FOUND',
    ]);
    expect(await bed.request(SUBJECTS.routing.listBusinessHours, { workspaceId })).toEqual([]);
  });
});
