import { randomUUID } from 'node:crypto';
import { Channel } from '@hub/domain';
import { ReportEvents } from './report-events';

// A seeded day of a Tokyo workspace (UTC+9): every expected figure below is worked out by hand
// from these events, in the comments beside them. Times are UTC; Tokyo dates in comments.
export const AGENT_A = '0000000a-0000-4000-8000-000000000000';
export const AGENT_B = '0000000b-0000-4000-8000-000000000000';
export const DEPT_1 = '000000d1-0000-4000-8000-000000000000';
export const DEPT_2 = '000000d2-0000-4000-8000-000000000000';
export const TOKYO = 'Asia/Tokyo';

export function seedReportDay(workspaceId: string): ReportEvents {
  const [c1, c2, c3, c4, c5, c6, c7] = Array.from({ length: 7 }, () => randomUUID());
  const [t1, t2, t3] = Array.from({ length: 3 }, () => randomUUID());
  const t1Is = { createdAt: '2026-03-01T02:00:00Z', assigneeId: AGENT_A, departmentId: DEPT_1 };
  const t2Is = { createdAt: '2026-03-01T05:00:00Z', assigneeId: AGENT_B, departmentId: DEPT_2 };
  const t3Is = { createdAt: '2026-03-01T17:00:00Z', assigneeId: AGENT_A, departmentId: DEPT_1 };
  const web = { channel: Channel.Web, departmentId: DEPT_1 };
  return (
    new ReportEvents(workspaceId)
      // C1, Mar 1 10:00: wait 60 s, first response 180 s, resolved after 1200 s, rated 5.
      .opened(c1, '2026-03-01T01:00:00Z', web)
      .message(c1, '2026-03-01T01:00:00Z', 'customer')
      .assigned(c1, '2026-03-01T01:01:00Z', AGENT_A)
      .message(c1, '2026-03-01T01:03:00Z', { agentId: AGENT_A })
      .message(c1, '2026-03-01T01:04:00Z', { agentId: AGENT_A })
      .resolved(c1, '2026-03-01T01:20:00Z', AGENT_A)
      .rated(c1, '2026-03-01T01:21:00Z', { rating: 5, assigneeId: AGENT_A })
      // C1 reopened at 15:00: a second session, B's: wait 60 s, response 120 s, resolved 720 s.
      .opened(c1, '2026-03-01T06:00:00Z', web)
      .assigned(c1, '2026-03-01T06:01:00Z', AGENT_B)
      .message(c1, '2026-03-01T06:02:00Z', { agentId: AGENT_B })
      .resolved(c1, '2026-03-01T06:12:00Z', AGENT_B)
      // C2, 11:00: wait 120 s, response 300 s, resolved 1800 s, rated 3.
      .opened(c2, '2026-03-01T02:00:00Z', web)
      .assigned(c2, '2026-03-01T02:02:00Z', AGENT_A)
      .message(c2, '2026-03-01T02:05:00Z', { agentId: AGENT_A })
      .resolved(c2, '2026-03-01T02:30:00Z', AGENT_A)
      .rated(c2, '2026-03-01T02:31:00Z', { rating: 3, assigneeId: AGENT_A })
      // C3 by email, 12:00, department 2: wait 300 s, response 600 s, resolved 3600 s, rated 4.
      .opened(c3, '2026-03-01T03:00:00Z', { channel: Channel.Email, departmentId: DEPT_2 })
      .assigned(c3, '2026-03-01T03:05:00Z', AGENT_B)
      .message(c3, '2026-03-01T03:10:00Z', { agentId: AGENT_B })
      .resolved(c3, '2026-03-01T04:00:00Z', AGENT_B)
      .rated(c3, '2026-03-01T04:05:00Z', { rating: 4, assigneeId: AGENT_B })
      // C4, 13:00: assigned to B after 60 s, never answered: missed.
      .opened(c4, '2026-03-01T04:00:00Z', web)
      .assigned(c4, '2026-03-01T04:01:00Z', AGENT_B)
      .resolved(c4, '2026-03-01T04:30:00Z', AGENT_B)
      // C5, 14:00: moved to department 2's queue, never assigned: abandoned.
      .opened(c5, '2026-03-01T05:00:00Z', web)
      .unassigned(c5, '2026-03-01T05:01:00Z', { from: AGENT_A, departmentId: DEPT_2 })
      .resolved(c5, '2026-03-01T05:10:00Z', null)
      // C6, Mar 2 01:00 in Tokyo (still Mar 1 in UTC): wait 30 s, response 60 s, 600 s, rated 1.
      .opened(c6, '2026-03-01T16:00:00Z', web)
      .assigned(c6, '2026-03-01T16:00:30Z', AGENT_A)
      .message(c6, '2026-03-01T16:01:00Z', { agentId: AGENT_A })
      .resolved(c6, '2026-03-01T16:10:00Z', AGENT_A)
      .rated(c6, '2026-03-01T16:11:00Z', { rating: 1, assigneeId: AGENT_A })
      // C7, Mar 3 01:00 in Tokyo (Mar 2 in UTC): after the period.
      .opened(c7, '2026-03-02T16:00:00Z', web)
      // SLA clocks: K1 met (A, web), K2 warned then breached (B, email), K3 a ticket's,
      // breached (A, no channel), all Mar 1; K4 met on Mar 2 (A, web).
      .sla(
        'warned',
        '00000001-0000-4000-8000-0000000000c1',
        '2026-03-01T01:02:00Z',
        slaOf(AGENT_A, DEPT_1, Channel.Web),
      )
      .sla(
        'met',
        '00000001-0000-4000-8000-0000000000c1',
        '2026-03-01T01:03:00Z',
        slaOf(AGENT_A, DEPT_1, Channel.Web),
      )
      .sla(
        'warned',
        '00000002-0000-4000-8000-0000000000c2',
        '2026-03-01T03:07:00Z',
        slaOf(AGENT_B, DEPT_2, Channel.Email),
      )
      .sla(
        'breached',
        '00000002-0000-4000-8000-0000000000c2',
        '2026-03-01T03:08:00Z',
        slaOf(AGENT_B, DEPT_2, Channel.Email),
      )
      .sla(
        'breached',
        '00000003-0000-4000-8000-0000000000c3',
        '2026-03-01T10:00:00Z',
        slaOf(AGENT_A, DEPT_1, null),
      )
      .sla(
        'met',
        '00000004-0000-4000-8000-0000000000c4',
        '2026-03-01T16:01:00Z',
        slaOf(AGENT_A, DEPT_1, Channel.Web),
      )
      // Tickets: T1 (A) created Mar 1 11:00, solved after 7200 s; T2 (B) Mar 1 14:00, still
      // open; T3 (A) Mar 2 02:00, solved after 1800 s, reopened and solved again (first counts).
      .ticket(t1, t1Is.createdAt, { ...t1Is, status: 'new' })
      .ticket(t1, '2026-03-01T02:10:00Z', { ...t1Is, status: 'open' })
      .ticket(t1, '2026-03-01T04:00:00Z', { ...t1Is, status: 'solved' })
      .ticket(t2, t2Is.createdAt, { ...t2Is, status: 'new' })
      .ticket(t2, '2026-03-01T05:30:00Z', { ...t2Is, status: 'pending' })
      .ticket(t3, t3Is.createdAt, { ...t3Is, status: 'open' })
      .ticket(t3, '2026-03-01T17:30:00Z', { ...t3Is, status: 'solved' })
      .ticket(t3, '2026-03-01T18:00:00Z', { ...t3Is, status: 'open' })
      .ticket(t3, '2026-03-01T19:00:00Z', { ...t3Is, status: 'solved' })
  );
}

function slaOf(assigneeId: string, departmentId: string, channel: Channel | null) {
  return { assigneeId, departmentId, channel };
}
