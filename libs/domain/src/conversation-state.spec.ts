import {
  canTransition,
  ConversationEvent,
  IllegalConversationTransitionError,
  inboundStartsNewConversation,
  nextConversationStatus,
} from './conversation-state';
import { CONVERSATION_STATUSES, ConversationStatus } from './enums';

const E = ConversationEvent;
const S = ConversationStatus;

describe('conversation state machine', () => {
  it.each([
    [S.Open, E.Assign, S.Assigned],
    [S.Open, E.Inbound, S.Open],
    [S.Open, E.Resolve, S.Resolved],
    [S.Assigned, E.Assign, S.Assigned],
    [S.Assigned, E.Unassign, S.Open],
    [S.Assigned, E.WaitForCustomer, S.Pending],
    [S.Assigned, E.Inbound, S.Assigned],
    [S.Assigned, E.Resolve, S.Resolved],
    [S.Pending, E.Inbound, S.Assigned],
    [S.Pending, E.Assign, S.Assigned],
    [S.Pending, E.Unassign, S.Open],
    [S.Pending, E.Resolve, S.Resolved],
    [S.Resolved, E.Inbound, S.Open],
    [S.Resolved, E.Reopen, S.Open],
    [S.Resolved, E.Close, S.Closed],
  ])('moves %s on %s to %s', (from, event, to) => {
    expect(canTransition(from, event)).toBe(true);
    expect(nextConversationStatus(from, event)).toBe(to);
  });

  it('walks the happy path open → assigned → pending → resolved → closed', () => {
    const path = [E.Assign, E.WaitForCustomer, E.Resolve, E.Close];
    const visited = path.reduce<ConversationStatus[]>(
      (acc, event) => [...acc, nextConversationStatus(acc[acc.length - 1], event)],
      [S.Open],
    );
    expect(visited).toEqual([S.Open, S.Assigned, S.Pending, S.Resolved, S.Closed]);
  });

  it.each([
    [S.Open, E.Unassign],
    [S.Open, E.WaitForCustomer],
    [S.Open, E.Close],
    [S.Open, E.Reopen],
    [S.Assigned, E.Close],
    [S.Assigned, E.Reopen],
    [S.Pending, E.WaitForCustomer],
    [S.Pending, E.Close],
    [S.Resolved, E.Assign],
    [S.Resolved, E.Resolve],
    [S.Resolved, E.WaitForCustomer],
  ])('refuses %s on %s with a coded error naming both', (from, event) => {
    expect(canTransition(from, event)).toBe(false);
    expect(() => nextConversationStatus(from, event)).toThrow(IllegalConversationTransitionError);
    try {
      nextConversationStatus(from, event);
    } catch (error) {
      expect(error).toMatchObject({ code: 'CONVERSATION_ILLEGAL_TRANSITION', from, event });
      expect((error as Error).message).toContain(from);
      expect((error as Error).message).toContain(event);
    }
  });

  it('treats closed as terminal for every event', () => {
    for (const event of Object.values(E)) {
      expect(canTransition(S.Closed, event)).toBe(false);
      expect(() => nextConversationStatus(S.Closed, event)).toThrow(
        IllegalConversationTransitionError,
      );
    }
  });

  it('says an inbound message starts a new conversation only when the current one is closed', () => {
    const startsNew = CONVERSATION_STATUSES.filter(inboundStartsNewConversation);
    expect(startsNew).toEqual([S.Closed]);
    expect(() => nextConversationStatus(S.Closed, E.Inbound)).toThrow(/starts a new conversation/);
  });
});
