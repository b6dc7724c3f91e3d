import { TICKET_STATUSES, TicketStatus } from './enums';
import {
  assertTicketTransition,
  canChangeTicketStatus,
  IllegalTicketTransitionError,
  TICKET_TRANSITIONS,
} from './ticket-workflow';

describe('the ticket workflow', () => {
  it('lists a rule for every status', () => {
    expect(Object.keys(TICKET_TRANSITIONS).sort()).toEqual([...TICKET_STATUSES].sort());
  });

  it.each([
    ['new', 'open'],
    ['open', 'pending'],
    ['pending', 'open'],
    ['open', 'on_hold'],
    ['on_hold', 'solved'],
    ['solved', 'open'],
    ['solved', 'closed'],
  ] as const)('allows %s → %s', (from, to) => {
    expect(canChangeTicketStatus(from, to)).toBe(true);
    expect(() => assertTicketTransition(from, to)).not.toThrow();
  });

  it.each([
    ['open', 'new'],
    ['open', 'closed'],
    ['pending', 'closed'],
    ['solved', 'pending'],
    ['closed', 'open'],
    ['closed', 'solved'],
  ] as const)('refuses %s → %s with TICKET_ILLEGAL_TRANSITION', (from, to) => {
    expect(canChangeTicketStatus(from, to)).toBe(false);
    expect(() => assertTicketTransition(from, to)).toThrow(IllegalTicketTransitionError);
  });

  it('never lets a closed ticket move, and says so', () => {
    for (const to of TICKET_STATUSES) {
      expect(canChangeTicketStatus(TicketStatus.Closed, to)).toBe(false);
    }
    expect(() => assertTicketTransition(TicketStatus.Closed, TicketStatus.Open)).toThrow(
      'a closed ticket never changes status',
    );
  });

  it('treats staying in the same status as no transition', () => {
    for (const status of TICKET_STATUSES) expect(canChangeTicketStatus(status, status)).toBe(false);
  });
});
