import { Priority, TicketStatus } from '@hub/domain';
import { DomainException } from '@hub/service-kit';
import { applyTicketChange } from './ticket-change';
import { changesBetween, type TicketState } from './ticket-state';
import type { Ticket } from './ticket.entity';

const created = new Date('2026-11-01T08:00:00Z');
const now = new Date('2026-11-02T10:00:00Z');

function state(overrides: Partial<Ticket> = {}): TicketState {
  const ticket = {
    id: 'a7d0c2a4-8d0e-4d83-9d4e-0b2d6f0c1a11',
    workspaceId: '5b0b0b4e-1c39-4c47-8a43-7a3f0d3c2b22',
    customerId: 'c1f2e3d4-5a6b-4c7d-8e9f-0a1b2c3d4e55',
    subject: 'Late order',
    description: null,
    status: TicketStatus.Open,
    priority: Priority.Normal,
    categoryId: null,
    tags: [],
    assigneeId: null,
    departmentId: null,
    source: null,
    clientMessageId: null,
    dueAt: null,
    solvedAt: null,
    version: 1,
    createdAt: created,
    updatedAt: created,
    ...overrides,
  };
  return { ticket, conversationIds: [], vip: false };
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainException) return error.code;
    throw error;
  }
  return undefined;
}

describe('applyTicketChange', () => {
  it('changes only the fields given and leaves the state it was given as it was', () => {
    const before = state();

    const after = applyTicketChange(before, { priority: 'urgent', tags: ['vip'] }, now);

    expect(changesBetween(before, after)).toEqual([
      { field: 'priority', from: 'normal', to: 'urgent' },
      { field: 'tags', from: [], to: ['vip'] },
    ]);
    expect(before.ticket).toMatchObject({ priority: 'normal', tags: [] });
  });

  it('stamps solvedAt when solved, keeps it when closed, clears it when reopened', () => {
    const solved = applyTicketChange(state(), { status: 'solved' }, now);
    const closed = applyTicketChange(solved, { status: 'closed' }, new Date());
    const reopened = applyTicketChange(solved, { status: 'open' }, new Date());

    expect(solved.ticket.solvedAt).toEqual(now);
    expect(closed.ticket.solvedAt).toEqual(now);
    expect(reopened.ticket.solvedAt).toBeNull();
  });

  it('refuses what the workflow forbids, and any change of a closed ticket', () => {
    const closed = state({ status: TicketStatus.Closed, solvedAt: now });

    expect(codeOf(() => applyTicketChange(state(), { status: 'new' }, now))).toBe(
      'TICKET_ILLEGAL_TRANSITION',
    );
    expect(codeOf(() => applyTicketChange(closed, { subject: 'Renamed' }, now))).toBe(
      'TICKET_CLOSED',
    );
    expect(codeOf(() => applyTicketChange(closed, { status: 'open' }, now))).toBe('TICKET_CLOSED');
  });

  it('lets a closed ticket be written with what it already has (nothing changes)', () => {
    const closed = state({ status: TicketStatus.Closed, priority: 'high' });

    const after = applyTicketChange(closed, { priority: 'high' }, now);

    expect(changesBetween(closed, after)).toEqual([]);
  });
});

describe('changesBetween', () => {
  it('lists a new ticket’s set fields from null, times as ISO strings', () => {
    const after = state({ dueAt: new Date('2026-12-01T00:00:00Z'), tags: ['a'] });

    expect(changesBetween(null, after)).toEqual([
      { field: 'customerId', from: null, to: after.ticket.customerId },
      { field: 'subject', from: null, to: 'Late order' },
      { field: 'status', from: null, to: 'open' },
      { field: 'priority', from: null, to: 'normal' },
      { field: 'tags', from: null, to: ['a'] },
      { field: 'dueAt', from: null, to: '2026-12-01T00:00:00.000Z' },
    ]);
  });
});
